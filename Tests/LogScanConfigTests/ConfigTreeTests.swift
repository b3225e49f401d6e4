import Foundation
import Testing
@testable import LogScanEngine
@testable import LogScanConfig

@Suite struct ConfigTreeTests {
    @Test(arguments: ["seed", "component"])
    func effectiveSizesEqualTheRunbookTable(tree name: String) throws {
        let tree = try ConfigTree.load(root: ConfigFixtures.root(name))
        #expect(tree.environments() == ["test", "development", "production"])
        for (channelName, sizes) in ConfigFixtures.runbookTable {
            for (environment, size) in sizes {
                let configured = tree.configuredCapacity(channel: ConfigFixtures.channel(channelName), environment: environment)
                #expect(configured?.value == size, "\(name) \(channelName) \(environment)")
            }
        }
        // The channels beyond the runbook's six keep base 1000 everywhere (SPEC §3).
        for environment in ["base", "test", "development", "production"] {
            let others = tree.effectiveCapacities(environment: environment).dropFirst(6)
            #expect(others.map(\.channel.name) == [
                "orchestration_event_driven_event_channel", "orchestration_hybrid_event_channel",
                "worker_event_channel", "worker_subscriber_completion_channel",
                "worker_subscriber_correlated_result_channel",
            ])
            #expect(others.map(\.value) == [1000, 1000, 1000, 1000, 1000])
        }
    }

    @Test func detectsTheLayoutOfEachTree() throws {
        let seed = try ConfigTree.load(root: ConfigFixtures.root("seed"))
        let component = try ConfigTree.load(root: ConfigFixtures.root("component"))
        #expect(seed.layout == .seed)
        #expect(component.layout == .component)
        #expect(seed.description == ConfigFixtures.root("seed") + " (seed layout)")
        #expect(component.description == ConfigFixtures.root("component") + " (component layout)")
        #expect(seed.warnings.isEmpty)
        #expect(seed.prefixProblems.isEmpty)
        #expect(component.prefixProblems.isEmpty)
    }

    @Test func namesTheFileAndLineThatSetEachCapacity() throws {
        let root = ConfigFixtures.root("component")
        let tree = try ConfigTree.load(root: root)
        let production = tree.effectiveCapacities(environment: "production")
        #expect(production[0] == EffectiveCapacity(channel: ConfigFixtures.channel("orchestration_command"), value: 5000,
                                                   file: root + "/environments/production/orchestration.toml", line: 4))
        #expect(production[4] == EffectiveCapacity(channel: ConfigFixtures.channel("event_publisher"), value: 10000,
                                                   file: root + "/environments/production/common.toml", line: 5))
        // Development does not override the command channel: base sets it.
        let development = try #require(tree.configuredCapacity(channel: ConfigFixtures.channel("orchestration_command"),
                                                               environment: "development"))
        #expect(development.value == 1000)
        #expect(development.file == root + "/base/orchestration.toml")
    }

    @Test func anEnvironmentTheTreeLacksGetsBase() throws {
        let tree = try ConfigTree.load(root: ConfigFixtures.root("seed"))
        let staging = tree.configuredCapacity(channel: ConfigFixtures.channel("pgmq_notifications"), environment: "staging")
        #expect(staging?.value == 10000)
        #expect(staging?.file == ConfigFixtures.root("seed") + "/base/mpsc_channels.toml")
    }

    @Test func aChannelWithoutConfigKeyIsNotConfigured() throws {
        let tree = try ConfigTree.load(root: ConfigFixtures.root("seed"))
        // ChannelSpec for a channel the tree does not set: a table the fixture lacks.
        let unknown = ChannelSpec(name: "custom_channel", aliases: [], configTable: ["worker", "in_process_events"],
                                  configKey: "broadcast_buffer_size", defaults: [.base: 1000])
        #expect(tree.configuredCapacity(channel: unknown, environment: "production") == nil)
    }

    @Test func wrongPrefixOverridesAreIgnoredAndReported() throws {
        let root = ConfigFixtures.root("broken-prefix")
        let tree = try ConfigTree.load(root: root)
        // `[orchestration.command_processor]` does not change the channel: base 1000 stays.
        #expect(tree.configuredCapacity(channel: ConfigFixtures.channel("orchestration_command"),
                                        environment: "production")?.value == 1000)
        #expect(tree.configuredCapacity(channel: ConfigFixtures.channel("pgmq_notifications"),
                                        environment: "production")?.value == 50000)
        #expect(tree.prefixProblems == [
            ConfigPrefixProblem(file: root + "/environments/development/mpsc_channels.toml", line: 2,
                                header: "[worker.command_processor]",
                                correctedHeader: "[mpsc_channels.worker.command_processor]"),
            ConfigPrefixProblem(file: root + "/environments/production/mpsc_channels.toml", line: 7,
                                header: "[orchestration.command_processor]",
                                correctedHeader: "[mpsc_channels.orchestration.command_processor]"),
            ConfigPrefixProblem(file: root + "/environments/production/mpsc_channels.toml", line: 10,
                                header: "[shared.ffi]", correctedHeader: "[mpsc_channels.shared.ffi]"),
        ])
    }

    @Test func componentPrefixProblemsUseTheComponentLayout() throws {
        let root = ConfigFixtures.root("broken-prefix-component")
        let tree = try ConfigTree.load(root: root)
        #expect(tree.prefixProblems.map(\.correctedHeader) == [
            "[common.mpsc_channels.ffi]", "[common.mpsc_channels.event_publisher]",
            "[orchestration.mpsc_channels.command_processor]",
        ])
        #expect(tree.prefixProblems.map(\.line) == [1, 4, 4])
    }

    @Test func invalidSizesAreNotCapacities() throws {
        let tree = try ConfigTree.load(root: ConfigFixtures.root("broken-sizes"))
        #expect(tree.configuredCapacity(channel: ConfigFixtures.channel("orchestration_command"), environment: "production") == nil)
        #expect(tree.configuredCapacity(channel: ConfigFixtures.channel("task_readiness"), environment: "production") == nil)
        #expect(tree.configuredCapacity(channel: ConfigFixtures.channel("ruby_ffi"), environment: "production")?.value == 60000)
    }

    @Test func badTOMLNamesFileLineAndColumn() {
        let root = ConfigFixtures.root("broken-toml")
        #expect {
            _ = try ConfigTree.load(root: root)
        } throws: { error in
            (error as? ConfigError)?.description == root + "/environments/test/mpsc_channels.toml:3:23: "
                + "Error while parsing key-value pair: cannot redefine existing integer 'command_buffer_size'"
        }
    }

    @Test func collectsEveryInvalidFile() throws {
        let root = ConfigFixtures.root("broken-toml")
        let (tree, errors) = try ConfigTree.loadCollectingErrors(root: root)
        #expect(errors.map(\.path) == [root + "/environments/test/mpsc_channels.toml",
                                        root + "/environments/production/mpsc_channels.toml"])
        #expect(errors.map(\.line) == [3, 5])
        #expect(errors.map(\.column) == [23, 38])
        #expect(tree.files.map(\.relativePath) == ["base/mpsc_channels.toml"])
    }

    @Test func unreadableRootsAreOneLineErrors() throws {
        let missing = ConfigFixtures.root("no-such-tree")
        #expect { _ = try ConfigTree.load(root: missing) } throws: {
            ($0 as? ConfigError)?.description == missing + ": no such directory"
        }
        let notATree = ConfigFixtures.repositoryRoot + "/fixtures"
        #expect { _ = try ConfigTree.load(root: notATree) } throws: {
            ($0 as? ConfigError)?.description == notATree + ": not a tasker config tree (no base/ or environments/ folder)"
        }
        let file = ConfigFixtures.root("seed") + "/base/mpsc_channels.toml"
        #expect { _ = try ConfigTree.load(root: file) } throws: {
            ($0 as? ConfigError)?.description == file + ": not a directory"
        }
    }

    @Test func theReportRunsOnDefaultsWhenTheTreeIsBad() {
        let root = ConfigFixtures.root("broken-toml")
        let configuration = ConfigTree.forReport(root: root)
        #expect(configuration is RunbookDefaults)
        #expect(configuration.warnings == [root + "/environments/test/mpsc_channels.toml:3:23: Error while parsing "
            + "key-value pair: cannot redefine existing integer 'command_buffer_size'; running on runbook defaults"])
        #expect(configuration.configuredCapacity(channel: ConfigFixtures.channel("ruby_ffi"), environment: "production") == nil)

        let good = ConfigTree.forReport(root: ConfigFixtures.root("seed"))
        #expect(good.description == ConfigFixtures.root("seed") + " (seed layout)")
        #expect(good.warnings.isEmpty)
    }

    @Test func driftDataShowsWhereTheLogsDisagree() throws {
        // Capacities of `Channel monitor initialized` in shared/samples/plain.log (the
        // service ran with these), against the production config of the seed tree.
        let logs = ["orchestration_command": 5000, "pgmq_notifications": 10000, "worker_command": 2000,
                    "event_publisher": 5000, "ruby_ffi": 1000]
        for name in ["seed", "component"] {
            let tree = try ConfigTree.load(root: ConfigFixtures.root(name))
            let disagreeing = logs.keys.sorted().filter { channel in
                tree.configuredCapacity(channel: ConfigFixtures.channel(channel), environment: "production")?.value
                    != logs[channel]
            }
            #expect(disagreeing == ["event_publisher", "pgmq_notifications", "ruby_ffi"], "\(name)")
            // With TASKER_ENV=development the same logs disagree on the other channels.
            let development = logs.keys.sorted().filter { channel in
                tree.configuredCapacity(channel: ConfigFixtures.channel(channel), environment: "development")?.value
                    != logs[channel]
            }
            #expect(development == ["orchestration_command", "ruby_ffi", "worker_command"], "\(name)")
        }
    }
}
