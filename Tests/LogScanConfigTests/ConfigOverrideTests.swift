import Foundation
import Testing
@testable import LogScanEngine
@testable import LogScanConfig

@Suite struct ConfigOverrideTests {
    @Test func seedSnippetNamesTheEnvironmentsChannelFile() throws {
        let root = ConfigFixtures.root("seed")
        // A root given with a trailing slash names files without a doubled slash.
        let tree = try ConfigTree.load(root: root + "/")
        let override = tree.override(channel: ConfigFixtures.channel("orchestration_command"), size: 20000,
                                     environment: "production")
        #expect(override.file == root + "/environments/production/mpsc_channels.toml")
        #expect(override.toml == """
            # \(root)/environments/production/mpsc_channels.toml
            [mpsc_channels.orchestration.command_processor]
            command_buffer_size = 20000

            """)
    }

    @Test func componentSnippetsNameTheComponentFile() throws {
        let root = ConfigFixtures.root("component")
        let tree = try ConfigTree.load(root: root)
        let cases: [(String, String, String, String)] = [
            ("orchestration_command", "orchestration.toml", "[orchestration.mpsc_channels.command_processor]",
             "command_buffer_size"),
            ("pgmq_notifications", "orchestration.toml", "[orchestration.mpsc_channels.event_listeners]",
             "pgmq_event_buffer_size"),
            ("task_readiness", "orchestration.toml", "[orchestration.mpsc_channels.task_readiness.event_channel]",
             "buffer_size"),
            ("worker_command", "worker.toml", "[worker.mpsc_channels.command_processor]", "command_buffer_size"),
            ("event_publisher", "common.toml", "[common.mpsc_channels.event_publisher]", "event_queue_buffer_size"),
            ("ruby_ffi", "common.toml", "[common.mpsc_channels.ffi]", "ruby_event_buffer_size"),
            ("worker_event_channel", "worker.toml", "[worker.mpsc_channels.event_systems]", "event_channel_buffer_size"),
        ]
        for (channel, fileName, header, key) in cases {
            let override = tree.override(channel: ConfigFixtures.channel(channel), size: 4000, environment: "staging")
            let file = root + "/environments/staging/" + fileName
            #expect(override == ConfigOverride(file: file, toml: "# \(file)\n\(header)\n\(key) = 4000\n"), "\(channel)")
        }
    }

    @Test func theSnippetNamesTheFileThatAlreadySetsTheKey() throws {
        // Development sets ruby_ffi in common.toml, the file the snippet must name.
        let root = ConfigFixtures.root("component")
        let tree = try ConfigTree.load(root: root)
        let override = tree.override(channel: ConfigFixtures.channel("ruby_ffi"), size: 4000, environment: "development")
        #expect(override.file == root + "/environments/development/common.toml")
        let base = tree.override(channel: ConfigFixtures.channel("ruby_ffi"), size: 4000, environment: "base")
        #expect(base.file == root + "/base/common.toml")
    }

    @Test func runbookDefaultsUseTheSeedLayout() {
        let override = RunbookDefaults().override(channel: ConfigFixtures.channel("event_publisher"), size: 20000,
                                                  environment: "production")
        #expect(override.toml == """
            # config/tasker/environments/production/mpsc_channels.toml
            [mpsc_channels.shared.event_publisher]
            event_queue_buffer_size = 20000

            """)
    }

    @Test(arguments: ["seed", "component"])
    func snippetsRoundTrip(tree name: String) throws {
        let copy = try ConfigFixtures.temporaryCopy(of: name)
        defer { ConfigFixtures.remove(copy) }
        let environments = ["base", "test", "development", "production", "staging"]
        var expected: [String: [String: Int]] = [:]
        var size = 3000
        for channel in ChannelCatalog.channels.prefix(6) {
            for environment in environments {
                size += 7
                let tree = try ConfigTree.load(root: copy)
                try ConfigOverrideEditor.apply(tree.override(channel: channel, size: size, environment: environment))
                expected[channel.name, default: [:]][environment] = size
            }
        }
        let tree = try ConfigTree.load(root: copy)
        #expect(tree.layout == (name == "seed" ? .seed : .component))
        #expect(tree.environments() == ["test", "development", "production", "staging"])
        for channel in ChannelCatalog.channels.prefix(6) {
            for environment in environments {
                #expect(tree.configuredCapacity(channel: channel, environment: environment)?.value
                    == expected[channel.name]?[environment], "\(channel.name) \(environment)")
            }
        }
        #expect(try ConfigLinter().lint(root: copy) == [])
    }

    @Test func replacesAnExistingValueAndKeepsItsComment() throws {
        let text = """
            # production
            [mpsc_channels.orchestration.event_listeners]
            pgmq_event_buffer_size = 50000  # bulk task creation bursts

            [mpsc_channels.shared.ffi]
            ruby_event_buffer_size = 2000

            """
        let snippet = "# x\n[mpsc_channels.orchestration.event_listeners]\npgmq_event_buffer_size = 100000\n"
        #expect(try ConfigOverrideEditor.apply(snippet, to: text, file: "f.toml") == """
            # production
            [mpsc_channels.orchestration.event_listeners]
            pgmq_event_buffer_size = 100000  # bulk task creation bursts

            [mpsc_channels.shared.ffi]
            ruby_event_buffer_size = 2000

            """)
    }

    @Test func addsTheKeyToItsTableWhenTheTableIsThere() throws {
        let text = """
            [mpsc_channels.task_readiness.event_channel]
            send_timeout_ms = 500
            # timeouts above

            [mpsc_channels.shared.ffi]
            ruby_event_buffer_size = 2000
            """
        let snippet = "[mpsc_channels.task_readiness.event_channel]\nbuffer_size = 5000\n"
        #expect(try ConfigOverrideEditor.apply(snippet, to: text, file: "f.toml") == """
            [mpsc_channels.task_readiness.event_channel]
            send_timeout_ms = 500
            buffer_size = 5000
            # timeouts above

            [mpsc_channels.shared.ffi]
            ruby_event_buffer_size = 2000
            """)
    }

    @Test func appendsTheSnippetWhenTheTableIsMissing() throws {
        let snippet = "[mpsc_channels.shared.ffi]\nruby_event_buffer_size = 2000\n"
        #expect(try ConfigOverrideEditor.apply(snippet, to: "[mpsc_channels.worker.command_processor]\ncommand_buffer_size = 2000",
                                              file: "f.toml") == """
            [mpsc_channels.worker.command_processor]
            command_buffer_size = 2000

            [mpsc_channels.shared.ffi]
            ruby_event_buffer_size = 2000

            """)
        #expect(try ConfigOverrideEditor.apply(snippet, to: "", file: "f.toml") == snippet)
    }

    @Test func editsDottedAndInlineForms() throws {
        let dotted = "[mpsc_channels.shared]\nffi.ruby_event_buffer_size = 1000\n"
        let inline = "[mpsc_channels.shared]\nffi = { ruby_event_buffer_size = 1000 }\n"
        let snippet = "[mpsc_channels.shared.ffi]\nruby_event_buffer_size = 2000\n"
        #expect(try ConfigOverrideEditor.apply(snippet, to: dotted, file: "f.toml")
            == "[mpsc_channels.shared]\nffi.ruby_event_buffer_size = 2000\n")
        #expect(try ConfigOverrideEditor.apply(snippet, to: inline, file: "f.toml")
            == "[mpsc_channels.shared]\nffi = { ruby_event_buffer_size = 2000 }\n")
    }

    @Test func refusesWhatWouldBreakTheFile() {
        let snippet = "[mpsc_channels.shared.ffi]\nruby_event_buffer_size = 2000\n"
        #expect { _ = try ConfigOverrideEditor.apply("no header here", to: "", file: "f.toml") } throws: {
            ($0 as? ConfigError)?.description == "f.toml: the override is not one table header and one key"
        }
        // The table exists as an inline table of the parent: a new header would redefine it.
        let inlineWithoutKey = "[mpsc_channels.shared]\nffi = { other = 1 }\n"
        #expect { _ = try ConfigOverrideEditor.apply(snippet, to: inlineWithoutKey, file: "f.toml") } throws: {
            ($0 as? ConfigError)?.line == 4
        }
    }
}
