import Foundation
import Testing
@testable import LogScanOutput

/// Whole JSON reports of small scenarios, spelled out: this is the spec of the output.
@Suite struct JSONReportTests {
    @Test func quietReport() {
        #expect(JSONReportFormatter().format(JSONScenarios.quiet()) == Self.quiet)
    }

    @Test func burstReport() {
        #expect(JSONReportFormatter().format(JSONScenarios.burst()) == Self.burst)
    }

    @Test func dropsReport() {
        #expect(JSONReportFormatter().format(JSONScenarios.drops()) == Self.drops)
    }

    @Test func numbersAndStrings() {
        #expect(OrderedJSON.number(96.17999999999999).rendered() == "96.18")
        #expect(OrderedJSON.number(97.0).rendered() == "97")
        #expect(OrderedJSON.number(10.100000000000001).rendered() == "10.1")
        #expect(OrderedJSON.number(-0.001).rendered() == "0")
        #expect(OrderedJSON.number(.nan).rendered() == "null")
        #expect(OrderedJSON.seconds(1_500_000_000).rendered() == "1.5")
        #expect(OrderedJSON.seconds(300_000_000_000).rendered() == "300")
        #expect(OrderedJSON.string("a\"b\\c\n\u{1}é").rendered() == #""a\"b\\c\n\u0001é""#)
        #expect(OrderedJSON.object([("b", .integer(1)), ("a", .array([]))]).rendered() == "{\n  \"b\": 1,\n  \"a\": []\n}")
    }

    static let quiet = #"""
{
  "schema": "tasker-logscan/report/v1",
  "inputs": [
    {
      "name": "quiet.log",
      "bytes": 2048,
      "lines": 12,
      "compressed": false,
      "compression": null,
      "overlong_lines": 0,
      "recognised_lines": 0,
      "shapes": {},
      "error": null
    }
  ],
  "lines_read": 12,
  "events_found": 1,
  "events_untimed": 0,
  "time_range": {
    "first": "2025-10-14T00:00:00Z",
    "last": "2025-10-14T00:09:59Z"
  },
  "window_seconds": 300,
  "episode_gap_seconds": 300,
  "environment": "production",
  "target_usage_percent": 70,
  "config_source": "none (runbook defaults)",
  "filters": {
    "since": null,
    "until": null,
    "channels": []
  },
  "warnings": [],
  "finding_counts": {
    "critical": 0,
    "warning": 0,
    "info": 0
  },
  "baseline": null,
  "known_findings": 0,
  "actions": [],
  "config_changes": [],
  "channels": [
    {
      "channel": "orchestration_command",
      "aliases": ["orchestration_command_channel"],
      "config_key": "mpsc_channels.orchestration.command_processor.command_buffer_size",
      "capacity": 5000,
      "capacity_source": "logs",
      "saturation_events": 0,
      "max_usage_percent": null,
      "full_events": 0,
      "drops": 0,
      "untimed_events": 0,
      "capacity_changes": [],
      "windows": []
    }
  ],
  "dropped_event_types": [],
  "untyped_drops": 0,
  "bulk_task_creations": [],
  "bulk_task_creations_counted": 0,
  "counted_findings": [],
  "findings": []
}
"""# + "\n"

    static let burst = #"""
{
  "schema": "tasker-logscan/report/v1",
  "inputs": [
    {
      "name": "orchestration.log",
      "bytes": 5120,
      "lines": 40,
      "compressed": false,
      "compression": null,
      "overlong_lines": 0,
      "recognised_lines": 0,
      "shapes": {},
      "error": null
    },
    {
      "name": "missing.log",
      "bytes": 0,
      "lines": 0,
      "compressed": false,
      "compression": null,
      "overlong_lines": 0,
      "recognised_lines": 0,
      "shapes": {},
      "error": "No such file or directory"
    }
  ],
  "lines_read": 40,
  "events_found": 5,
  "events_untimed": 1,
  "time_range": {
    "first": "2025-10-14T00:00:00Z",
    "last": "2025-10-14T00:30:00Z"
  },
  "window_seconds": 300,
  "episode_gap_seconds": 300,
  "environment": "production",
  "target_usage_percent": 70,
  "config_source": "none (runbook defaults)",
  "filters": {
    "since": null,
    "until": null,
    "channels": []
  },
  "warnings": [],
  "finding_counts": {
    "critical": 0,
    "warning": 1,
    "info": 1
  },
  "baseline": null,
  "known_findings": 0,
  "actions": [
    {
      "kind": "resize",
      "severity": "warning",
      "channel": "pgmq_notifications",
      "config_key": "mpsc_channels.orchestration.event_listeners.pgmq_event_buffer_size",
      "file": "config/tasker/environments/production/mpsc_channels.toml",
      "current": 10000,
      "size": 50000,
      "toml": "# config/tasker/environments/production/mpsc_channels.toml\n[mpsc_channels.orchestration.event_listeners]\npgmq_event_buffer_size = 50000\n",
      "text": "pgmq_notifications: set pgmq_event_buffer_size = 50000 (now 10000) in config/tasker/environments/production/mpsc_channels.toml",
      "findings": [0],
      "unlisted_findings": 0
    },
    {
      "kind": "check_deployment",
      "severity": "info",
      "channel": "pgmq_notifications",
      "config_key": null,
      "file": null,
      "current": null,
      "size": null,
      "toml": null,
      "text": "The logs' capacities are not the runbook's for production (pgmq_notifications): check TASKER_ENV on the service.",
      "findings": [1],
      "unlisted_findings": 0
    }
  ],
  "config_changes": [
    {
      "file": "config/tasker/environments/production/mpsc_channels.toml",
      "toml": "# config/tasker/environments/production/mpsc_channels.toml\n[mpsc_channels.orchestration.event_listeners]\npgmq_event_buffer_size = 50000\n"
    }
  ],
  "channels": [
    {
      "channel": "pgmq_notifications",
      "aliases": ["pgmq_notify_listener"],
      "config_key": "mpsc_channels.orchestration.event_listeners.pgmq_event_buffer_size",
      "capacity": 10000,
      "capacity_source": "logs",
      "saturation_events": 3,
      "max_usage_percent": 96.18,
      "full_events": 0,
      "drops": 0,
      "untimed_events": 0,
      "capacity_changes": [],
      "windows": [
        {
          "start": "2025-10-14T00:10:00Z",
          "saturation_events": 3,
          "max_usage_percent": 96.18,
          "full_events": 0,
          "drops": 0
        }
      ]
    },
    {
      "channel": "event_publisher",
      "aliases": ["event_publisher_queue"],
      "config_key": "mpsc_channels.shared.event_publisher.event_queue_buffer_size",
      "capacity": 10000,
      "capacity_source": "default",
      "saturation_events": 0,
      "max_usage_percent": null,
      "full_events": 1,
      "drops": 1,
      "untimed_events": 1,
      "capacity_changes": [],
      "windows": []
    }
  ],
  "dropped_event_types": [],
  "untyped_drops": 1,
  "bulk_task_creations": [
    {
      "at": "2025-10-14T00:12:00Z",
      "count": 1200,
      "counts_for_correlation": true,
      "line": {
        "input": "orchestration.log",
        "line": 1
      }
    }
  ],
  "bulk_task_creations_counted": 0,
  "counted_findings": [],
  "findings": [
    {
      "id": "pgmq_notification_burst",
      "severity": "warning",
      "channel": "pgmq_notifications",
      "summary": "pgmq_notifications burst for 20s (3 events, peak 96.18%) 20s after a bulk task creation of 1200 tasks at 2025-10-14T00:12:00Z; recovered.",
      "start": "2025-10-14T00:12:20Z",
      "end": "2025-10-14T00:12:40Z",
      "evidence": {
        "start": "2025-10-14T00:12:20Z",
        "end": "2025-10-14T00:12:40Z",
        "duration_seconds": 20,
        "max_usage_percent": 96.18,
        "events": 3,
        "recovered": true,
        "peak_per_minute": 3,
        "correlated": true,
        "bulk_task_creation": {
          "at": "2025-10-14T00:12:00Z",
          "count": 1200,
          "counts_for_correlation": true,
          "line": {
            "input": "orchestration.log",
            "line": 1
          }
        },
        "capacity": 10000,
        "first_line": {
          "input": "orchestration.log",
          "line": 2
        },
        "last_line": {
          "input": "orchestration.log",
          "line": 4
        },
        "sources": []
      },
      "recommendation": {
        "text": "Bulk task creation fills the PGMQ notification channel. Set pgmq_event_buffer_size = 50000 (now 10000; the runbook's size for production).",
        "size": 50000,
        "config_key": "mpsc_channels.orchestration.event_listeners.pgmq_event_buffer_size",
        "file": "config/tasker/environments/production/mpsc_channels.toml",
        "toml": "# config/tasker/environments/production/mpsc_channels.toml\n[mpsc_channels.orchestration.event_listeners]\npgmq_event_buffer_size = 50000\n",
        "already_applied": null
      },
      "known": false
    },
    {
      "id": "config_drift",
      "severity": "info",
      "channel": "pgmq_notifications",
      "summary": "pgmq_notifications: the service ran with 10000 (orchestration.log:4); the runbook's default for production is 50000.",
      "start": "2025-10-14T00:12:40Z",
      "end": "2025-10-14T00:12:40Z",
      "evidence": {
        "logs_capacity": 10000,
        "expected_capacity": 50000,
        "expected_source": "default",
        "environment": "production",
        "config_file": null,
        "seen_at": "2025-10-14T00:12:40Z",
        "line": {
          "input": "orchestration.log",
          "line": 4
        },
        "matching_environments": ["base", "test", "development"],
        "sources": []
      },
      "recommendation": {
        "text": "Check that TASKER_ENV is production on the service: 10000 is the runbook's default for base, test or development.",
        "size": null,
        "config_key": null,
        "file": null,
        "toml": null,
        "already_applied": null
      },
      "known": false
    }
  ]
}
"""# + "\n"

    static let drops = #"""
{
  "schema": "tasker-logscan/report/v1",
  "inputs": [
    {
      "name": "worker.log",
      "bytes": 900,
      "lines": 7,
      "compressed": true,
      "compression": "gzip",
      "overlong_lines": 0,
      "recognised_lines": 0,
      "shapes": {},
      "error": null
    }
  ],
  "lines_read": 7,
  "events_found": 7,
  "events_untimed": 0,
  "time_range": {
    "first": "2025-10-14T00:01:05Z",
    "last": "2025-10-14T00:20:00Z"
  },
  "window_seconds": 60,
  "episode_gap_seconds": 300,
  "environment": "test",
  "target_usage_percent": 80,
  "config_source": "none (runbook defaults)",
  "filters": {
    "since": null,
    "until": null,
    "channels": ["event_publisher", "orchestration_command", "ruby_ffi"]
  },
  "warnings": [],
  "finding_counts": {
    "critical": 0,
    "warning": 1,
    "info": 2
  },
  "baseline": null,
  "known_findings": 0,
  "actions": [
    {
      "kind": "optimise_consumer",
      "severity": "warning",
      "channel": "ruby_ffi",
      "config_key": null,
      "file": null,
      "current": null,
      "size": null,
      "toml": null,
      "text": "ruby_ffi: the consumer is the bottleneck (slow Ruby handlers near 1 finding): optimise the Ruby handlers, consider async processing; do not grow the buffer.",
      "findings": [0],
      "unlisted_findings": 0
    }
  ],
  "config_changes": [],
  "channels": [
    {
      "channel": "orchestration_command",
      "aliases": ["orchestration_command_channel"],
      "config_key": "mpsc_channels.orchestration.command_processor.command_buffer_size",
      "capacity": 100,
      "capacity_source": "default",
      "saturation_events": 0,
      "max_usage_percent": null,
      "full_events": 1,
      "drops": 0,
      "untimed_events": 0,
      "capacity_changes": [],
      "windows": [
        {
          "start": "2025-10-14T00:04:00Z",
          "saturation_events": 0,
          "max_usage_percent": null,
          "full_events": 1,
          "drops": 0
        }
      ]
    },
    {
      "channel": "event_publisher",
      "aliases": ["event_publisher_queue"],
      "config_key": "mpsc_channels.shared.event_publisher.event_queue_buffer_size",
      "capacity": 5000,
      "capacity_source": "default",
      "saturation_events": 0,
      "max_usage_percent": null,
      "full_events": 3,
      "drops": 3,
      "untimed_events": 0,
      "capacity_changes": [],
      "windows": [
        {
          "start": "2025-10-14T00:01:00Z",
          "saturation_events": 0,
          "max_usage_percent": null,
          "full_events": 2,
          "drops": 2
        },
        {
          "start": "2025-10-14T00:02:00Z",
          "saturation_events": 0,
          "max_usage_percent": null,
          "full_events": 1,
          "drops": 1
        }
      ]
    },
    {
      "channel": "ruby_ffi",
      "aliases": ["ruby_ffi_event_handler"],
      "config_key": "mpsc_channels.shared.ffi.ruby_event_buffer_size",
      "capacity": 1000,
      "capacity_source": "default",
      "saturation_events": 0,
      "max_usage_percent": null,
      "full_events": 2,
      "drops": 0,
      "untimed_events": 0,
      "capacity_changes": [],
      "windows": [
        {
          "start": "2025-10-14T00:03:00Z",
          "saturation_events": 0,
          "max_usage_percent": null,
          "full_events": 1,
          "drops": 0
        },
        {
          "start": "2025-10-14T00:04:00Z",
          "saturation_events": 0,
          "max_usage_percent": null,
          "full_events": 1,
          "drops": 0
        }
      ]
    }
  ],
  "dropped_event_types": [
    {
      "event_type": "step.completed",
      "count": 2
    },
    {
      "event_type": "workflow.transition",
      "count": 1
    }
  ],
  "untyped_drops": 0,
  "bulk_task_creations": [],
  "bulk_task_creations_counted": 0,
  "counted_findings": [],
  "findings": [
    {
      "id": "ruby_ffi_backpressure",
      "severity": "warning",
      "channel": "ruby_ffi",
      "summary": "Ruby FFI backpressure: 2 events in 40s (0.4/min) with 1 slow Ruby handler nearby (slowest 2.5s); recovered.",
      "start": "2025-10-14T00:03:30Z",
      "end": "2025-10-14T00:04:10Z",
      "evidence": {
        "start": "2025-10-14T00:03:30Z",
        "end": "2025-10-14T00:04:10Z",
        "duration_seconds": 40,
        "events": 2,
        "rate_per_minute": 0.4,
        "peak_per_minute": 1,
        "recovered": true,
        "slow_handlers_nearby": 1,
        "slowest_handler_seconds": 2.5,
        "capacity": 1000,
        "first_line": {
          "input": "worker.log",
          "line": 5
        },
        "last_line": {
          "input": "worker.log",
          "line": 6
        },
        "sources": []
      },
      "recommendation": {
        "text": "The Ruby handlers are slow: optimise the Ruby handler code, consider async Ruby processing, profile handler performance. A bigger FFI buffer would only hide it.",
        "size": null,
        "config_key": null,
        "file": null,
        "toml": null,
        "already_applied": null
      },
      "known": false
    },
    {
      "id": "event_publisher_drops",
      "severity": "info",
      "channel": "event_publisher",
      "summary": "event_publisher dropped 3 events in 1m10s (0.6/min, rare), mostly step.completed (2), workflow.transition (1); recovered.",
      "start": "2025-10-14T00:01:05Z",
      "end": "2025-10-14T00:02:15Z",
      "evidence": {
        "start": "2025-10-14T00:01:05Z",
        "end": "2025-10-14T00:02:15Z",
        "duration_seconds": 70,
        "drops": 3,
        "rate_per_minute": 0.6,
        "rate_level": "rare",
        "peak_per_minute": 2,
        "continuous": false,
        "minutes_covered": 2,
        "minutes_with_drops": 2,
        "recovered": true,
        "event_types": [
          {
            "event_type": "step.completed",
            "count": 2
          },
          {
            "event_type": "workflow.transition",
            "count": 1
          }
        ],
        "untyped_drops": 0,
        "capacity": 5000,
        "first_line": {
          "input": "worker.log",
          "line": 1
        },
        "last_line": {
          "input": "worker.log",
          "line": 3
        },
        "sources": []
      },
      "recommendation": {
        "text": "Rare drops (< 1/min): acceptable for non-critical events; monitor, no action needed.",
        "size": null,
        "config_key": null,
        "file": null,
        "toml": null,
        "already_applied": null
      },
      "known": false
    },
    {
      "id": "channel_full",
      "severity": "info",
      "channel": "orchestration_command",
      "summary": "orchestration_command was full once (1 blocked, 0 dropped) at 2025-10-14T00:04:20Z, at most 1 in one minute.",
      "start": "2025-10-14T00:04:20Z",
      "end": "2025-10-14T00:04:20Z",
      "evidence": {
        "start": "2025-10-14T00:04:20Z",
        "end": "2025-10-14T00:04:20Z",
        "duration_seconds": 0,
        "events": 1,
        "blocked": 1,
        "dropped": 0,
        "peak_per_minute": 1,
        "first_line": {
          "input": "worker.log",
          "line": 7
        },
        "last_line": {
          "input": "worker.log",
          "line": 7
        },
        "sources": []
      },
      "recommendation": {
        "text": "Review backpressure handling; consider a capacity increase if overflow events recur.",
        "size": null,
        "config_key": null,
        "file": null,
        "toml": null,
        "already_applied": null
      },
      "known": false
    }
  ]
}
"""# + "\n"
}
