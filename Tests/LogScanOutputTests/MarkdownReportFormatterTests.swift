import Foundation
import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis
@testable import LogScanOutput
import TestSupport

/// `--format markdown`: the report for a wiki page or a chat post.
@Suite struct MarkdownReportFormatterTests {
    @Test func scenarioReportIsExactly() {
        let markdown = MarkdownReportFormatter().format(OperatorScenario.report())
        #expect(markdown == #"""
            # tasker-logscan report

            - **Inputs:** `tasker.log` (60 KiB, 600 lines)
            - **Time range:** 2025-10-14T00:00:00Z to 2025-10-14T00:59:59Z (59m59s)
            - **Read:** 600 lines, 18 events, 1 without timestamp (in totals, in no window or finding)
            - **Environment:** production; config: none (runbook defaults)
            - **Settings:** window 5m, episode gap 5m, target usage 70%
            - **Findings:** 1 critical, 1 warning, 2 info

            ## Actions

            1. **Critical**: orchestration_command: set command_buffer_size = 20000 (now 5000) in config/tasker/environments/production/mpsc_channels.toml (for channel_saturation (1))
            2. **Warning**: pgmq_notifications: set pgmq_event_buffer_size = 50000 (now 10000) in config/tasker/environments/production/mpsc_channels.toml (for pgmq_notification_burst (1))
            3. **Info**: The logs' capacities are not the runbook's for production (pgmq_notifications): check TASKER_ENV on the service. (for config_drift (1))

            Paste into `config/tasker/environments/production/mpsc_channels.toml`:

            ```toml
            [mpsc_channels.orchestration.command_processor]
            command_buffer_size = 20000

            [mpsc_channels.orchestration.event_listeners]
            pgmq_event_buffer_size = 50000
            ```

            ## Channels

            | Channel | Capacity | Source | Capacity changes | Saturation events | Max % | Full | Drops |
            |:--|--:|:--|:--|--:|--:|--:|--:|
            | `orchestration_command` | 5000 | logs | - | 8 | 96.18 | 1 | 0 |
            | `pgmq_notifications` | 10000 | logs | - | 3 | 95.5 | 0 | 0 |
            | `event_publisher` | 10000 | default | - | 0 | - | 3 | 3 |

            ## Peak usage per window

            One column per 5m from 2025-10-14T00:00:00Z; ▁ up to 82.5%, each step 2.5 points, █ above 97.5%, · full or drops only.

            ```text
            orchestration_command    ▅▇
            pgmq_notifications         ▇
            event_publisher              ·
            ```

            ## Findings: 1 critical, 1 warning, 2 info

            ### Critical (1)

            #### Critical: `channel_saturation` on `orchestration_command`

            orchestration_command saturated for 6m30s (8 events, peak 96.18%), above 90% for 6m30s in a row; recovered.

            **Evidence**

            - 8 events from 2025-10-14T00:10:00Z to 2025-10-14T00:16:30Z (6m30s), recovered
            - peak 96.18%, at most 2 per minute, capacity 5000
            - longest run above 90%: 8 events from 2025-10-14T00:10:00Z to 2025-10-14T00:16:30Z (6m30s)
            - lines tasker.log:3 to tasker.log:10

            **Recommendation:** Immediate capacity increase or identify the bottleneck. Set command_buffer_size = 20000 (now 5000; 5000 \* 100 / (100 - 70) = 16667, rounded up to 20000).

            The TOML is under Actions.

            ### Warning (1)

            #### Warning: `pgmq_notification_burst` on `pgmq_notifications`

            pgmq_notifications burst for 1m (3 events, peak 95.5%) 30s after a bulk task creation of 1500 tasks at 2025-10-14T00:20:00Z; recovered.

            **Evidence**

            - 3 events from 2025-10-14T00:20:30Z to 2025-10-14T00:21:30Z (1m), recovered
            - peak 95.5%, at most 2 per minute, capacity 10000
            - bulk task creation: 1500 tasks at 2025-10-14T00:20:00Z (tasker.log:11)
            - lines tasker.log:12 to tasker.log:14

            **Recommendation:** Bulk task creation fills the PGMQ notification channel. Set pgmq_event_buffer_size = 50000 (now 10000; the runbook's size for production).

            The TOML is under Actions.

            ### Info (2)

            #### Info: `config_drift` on `pgmq_notifications`

            pgmq_notifications: the service ran with 10000 (tasker.log:2); the runbook's default for production is 50000.

            **Evidence**

            - logs: buffer_size=10000 at 2025-10-14T00:00:01Z (tasker.log:2)
            - expected for production: 50000 (runbook default)
            - runbook default 10000 in: base, test, development

            **Recommendation:** Check that TASKER_ENV is production on the service: 10000 is the runbook's default for base, test or development.

            #### Info: `event_publisher_drops` on `event_publisher`

            event_publisher dropped 3 events in 4m (0.6/min, rare), mostly step.completed (2), workflow.transition (1); recovered.

            **Evidence**

            - 3 drops from 2025-10-14T00:30:00Z to 2025-10-14T00:34:00Z (4m), recovered
            - 0.6/min (rare), at most 1 per minute, capacity 10000
            - drops in 3 of 5 minutes: not continuous
            - event types: step.completed 2, workflow.transition 1
            - lines tasker.log:15 to tasker.log:17

            **Recommendation:** Rare drops (\< 1/min): acceptable for non-critical events; monitor, no action needed.

            ## Dropped event types (event_publisher)

            | Event type | Drops |
            |:--|--:|
            | `step.completed` | 2 |
            | `workflow.transition` | 1 |

            ## Bulk task creations and PGMQ bursts

            | At | Tasks | PGMQ burst |
            |:--|--:|:--|
            | 2025-10-14T00:20:00Z | 1500 | burst at 2025-10-14T00:20:30Z |

            """#)
    }

    @Test func anEmptyReportSaysSo() {
        let report = Report(inputs: [InputSummary(name: "-", bytes: 0, lines: 0)], configSource: "none (runbook defaults)")
        #expect(MarkdownReportFormatter().format(report) == """
            # tasker-logscan report

            - **Inputs:** `-` (0 B, 0 lines)
            - **Time range:** unknown: no line had a timestamp
            - **Read:** 0 lines, 0 events
            - **Environment:** production; config: none (runbook defaults)
            - **Settings:** window 5m, episode gap 5m, target usage 70%
            - **Findings:** none

            ## Actions

            None.

            ## Channels

            No channel events.

            ## Findings: none

            """)
    }

    @Test func oneFindingAsASection() {
        let report = OperatorScenario.report()
        let burst = report.findings.first { $0.id == .pgmqNotificationBurst }!
        #expect(MarkdownReportFormatter().finding(burst) == """
            #### Warning: `pgmq_notification_burst` on `pgmq_notifications`

            pgmq_notifications burst for 1m (3 events, peak 95.5%) 30s after a bulk task creation of 1500 tasks at 2025-10-14T00:20:00Z; recovered.

            **Evidence**

            - 3 events from 2025-10-14T00:20:30Z to 2025-10-14T00:21:30Z (1m), recovered
            - peak 95.5%, at most 2 per minute, capacity 10000
            - bulk task creation: 1500 tasks at 2025-10-14T00:20:00Z (tasker.log:11)
            - lines tasker.log:12 to tasker.log:14

            **Recommendation:** Bulk task creation fills the PGMQ notification channel. Set pgmq_event_buffer_size = 50000 (now 10000; the runbook's size for production).

            ```toml
            # config/tasker/environments/production/mpsc_channels.toml
            [mpsc_channels.orchestration.event_listeners]
            pgmq_event_buffer_size = 50000
            ```

            """)
    }

    @Test func markupInTextIsEscapedButSnakeCaseIsNot() {
        #expect(MarkdownReportFormatter.escaped("orchestration_command at 5000 * 100 / (100 - 70)")
                == #"orchestration_command at 5000 \* 100 / (100 - 70)"#)
        #expect(MarkdownReportFormatter.escaped("drops (< 1/min) | [link](x) `code` ~x~ _emph_")
                == #"drops (\< 1/min) \| \[link\](x) \`code\` \~x\~ \_emph\_"#)
        #expect(MarkdownReportFormatter.escaped("# not a heading") == ##"\# not a heading"##)
        #expect(MarkdownReportFormatter.escaped(#"C:\logs"#) == #"C:\\logs"#)
    }

    @Test func codeSpansHoldBackticksAndTablePipes() {
        #expect(MarkdownReportFormatter.code("event_publisher") == "`event_publisher`")
        #expect(MarkdownReportFormatter.code("a`b") == "``a`b``")
        #expect(MarkdownReportFormatter.code("`x`") == "`` `x` ``")
        #expect(MarkdownReportFormatter.code("a|b", inTable: true) == #"`a\|b`"#)
        #expect(MarkdownReportFormatter.code("a|b") == "`a|b`")
    }

    @Test func inputsWithErrorsAndGzipAreListed() {
        let report = Report(inputs: [InputSummary(name: "a.log.gz", bytes: 3_500_000, lines: 10, compressed: true),
                                     InputSummary(name: "gone.log", error: "No such file or directory")])
        let line = MarkdownReportFormatter().format(report).split(separator: "\n")[1]
        #expect(line == "- **Inputs:** `a.log.gz` (3.3 MiB, 10 lines, gzip), `gone.log` (0 B, 0 lines, error: No such file or directory)")
    }
}
