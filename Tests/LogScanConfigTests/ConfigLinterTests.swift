import Testing
@testable import LogScanConfig

@Suite struct ConfigLinterTests {
    private func lint(_ name: String, environment: String? = nil) throws -> (root: String, problems: [ConfigProblem]) {
        let root = ConfigFixtures.root(name)
        return (root, try ConfigLinter(environment: environment).lint(root: root))
    }

    @Test(arguments: ["seed", "component"])
    func theRunbookTreesAreClean(tree name: String) throws {
        #expect(try lint(name).problems == [])
    }

    @Test func catchesTheRunbooksWrongHeader() throws {
        let (root, problems) = try lint("broken-prefix")
        let production = root + "/environments/production/mpsc_channels.toml"
        let suffix = " names a channel table without the mpsc_channels prefix: it creates a conflicting top-level key "
            + "and tasker ignores the value"
        #expect(problems == [
            ConfigProblem(file: root + "/environments/development/mpsc_channels.toml", line: 2, severity: .error,
                          kind: .missingPrefix, message: "[worker.command_processor]" + suffix,
                          correctedHeader: "[mpsc_channels.worker.command_processor]"),
            ConfigProblem(file: production, line: 7, severity: .error, kind: .missingPrefix,
                          message: "[orchestration.command_processor]" + suffix,
                          correctedHeader: "[mpsc_channels.orchestration.command_processor]"),
            ConfigProblem(file: production, line: 10, severity: .error, kind: .missingPrefix,
                          message: "[shared.ffi]" + suffix, correctedHeader: "[mpsc_channels.shared.ffi]"),
        ])
    }

    @Test func catchesMissingPrefixesInTheComponentLayout() throws {
        let (root, problems) = try lint("broken-prefix-component")
        #expect(problems.map(\.file) == [root + "/environments/production/common.toml",
                                         root + "/environments/production/common.toml",
                                         root + "/environments/production/orchestration.toml"])
        #expect(problems.map(\.line) == [1, 4, 4])
        #expect(problems.allSatisfy { $0.kind == .missingPrefix && $0.severity == .error })
        #expect(problems.map(\.correctedHeader) == ["[common.mpsc_channels.ffi]", "[common.mpsc_channels.event_publisher]",
                                                    "[orchestration.mpsc_channels.command_processor]"])
    }

    @Test func catchesUnknownTablesAndKeys() throws {
        let (root, problems) = try lint("broken-unknown")
        let file = root + "/environments/production/mpsc_channels.toml"
        #expect(problems == [
            ConfigProblem(file: file, line: 2, severity: .warning, kind: .unknownKey,
                          message: "unknown key `comand_buffer_size` in [mpsc_channels.orchestration.command_processor]; "
                              + "did you mean `command_buffer_size`?"),
            ConfigProblem(file: file, line: 4, severity: .warning, kind: .unknownTable,
                          message: "unknown channel table [mpsc_channels.orchestration.comand_processor]; "
                              + "did you mean [mpsc_channels.orchestration.command_processor]?",
                          correctedHeader: "[mpsc_channels.orchestration.command_processor]"),
            ConfigProblem(file: file, line: 8, severity: .warning, kind: .unknownKey,
                          message: "tasker does not read `command_buffer_size` in [mpsc_channels.worker]: "
                              + "it belongs in [mpsc_channels.worker.command_processor]",
                          correctedHeader: "[mpsc_channels.worker.command_processor]"),
            ConfigProblem(file: file, line: 12, severity: .warning, kind: .unknownKey,
                          message: "unknown key `flush_interval_ms` in [mpsc_channels.shared.event_publisher]"),
        ])
    }

    @Test func catchesSizesThatAreNotPositiveIntegersOrUnusual() throws {
        let (root, problems) = try lint("broken-sizes")
        let file = root + "/environments/production/mpsc_channels.toml"
        #expect(problems == [
            ConfigProblem(file: file, line: 2, severity: .error, kind: .invalidSize,
                          message: "`command_buffer_size` in [mpsc_channels.orchestration.command_processor] must be a "
                              + "positive integer, got 0"),
            ConfigProblem(file: file, line: 5, severity: .error, kind: .invalidSize,
                          message: "`pgmq_event_buffer_size` in [mpsc_channels.orchestration.event_listeners] must be a "
                              + "positive integer, got -50000"),
            ConfigProblem(file: file, line: 8, severity: .error, kind: .invalidSize,
                          message: "`buffer_size` in [mpsc_channels.task_readiness.event_channel] must be a positive "
                              + "integer, got 5000.0 (a float)"),
            ConfigProblem(file: file, line: 11, severity: .error, kind: .invalidSize,
                          message: "`event_queue_buffer_size` in [mpsc_channels.shared.event_publisher] must be a "
                              + "positive integer, got \"10000\" (a string)"),
            ConfigProblem(file: file, line: 14, severity: .warning, kind: .unusualSize,
                          message: "`ruby_event_buffer_size = 60000` in [mpsc_channels.shared.ffi] is outside the usual "
                              + "range 100-50000"),
            ConfigProblem(file: file, line: 17, severity: .warning, kind: .unusualSize,
                          message: "`command_buffer_size = 50` in [mpsc_channels.worker.command_processor] is outside "
                              + "the usual range 100-100000"),
        ])
    }

    @Test func catchesEnvironmentFilesThatOverrideNothing() throws {
        let (root, problems) = try lint("broken-noop")
        #expect(problems == [
            ConfigProblem(file: root + "/environments/development/mpsc_channels.toml", line: 2, severity: .warning,
                          kind: .overridesNothing,
                          message: "environment file overrides nothing: each of its 2 values equals base"),
            ConfigProblem(file: root + "/environments/test/mpsc_channels.toml", line: 1, severity: .warning,
                          kind: .overridesNothing, message: "environment file overrides nothing: it sets no values"),
        ])
    }

    @Test func reportsEveryInvalidTOMLFileWithLineAndColumn() throws {
        let (root, problems) = try lint("broken-toml")
        #expect(problems == [
            ConfigProblem(file: root + "/environments/production/mpsc_channels.toml", line: 5, column: 38,
                          severity: .error, kind: .invalidTOML,
                          message: "invalid TOML: Error while parsing table header: expected ']', saw '\\n'"),
            ConfigProblem(file: root + "/environments/test/mpsc_channels.toml", line: 3, column: 23,
                          severity: .error, kind: .invalidTOML,
                          message: "invalid TOML: Error while parsing key-value pair: cannot redefine existing "
                              + "integer 'command_buffer_size'"),
        ])
        #expect(problems[0].description == root + "/environments/production/mpsc_channels.toml:5:38: error: invalid "
            + "TOML: Error while parsing table header: expected ']', saw '\\n'")
    }

    @Test func catchesTablesOfTheOtherLayout() throws {
        let (root, problems) = try lint("broken-layout")
        #expect(problems == [
            ConfigProblem(file: root + "/environments/production/orchestration.toml", line: 5, severity: .error,
                          kind: .otherLayout,
                          message: "[mpsc_channels.orchestration.command_processor] is a seed-layout table but this "
                              + "tree uses the component layout: tasker does not read it",
                          correctedHeader: "[orchestration.mpsc_channels.command_processor]"),
        ])
    }

    @Test func anEnvironmentRestrictsTheLint() throws {
        // broken-prefix has problems in development and production.
        let (_, production) = try lint("broken-prefix", environment: "production")
        #expect(production.map(\.line) == [7, 10])
        let (_, base) = try lint("broken-prefix", environment: "base")
        #expect(base == [])
        let (root, test) = try lint("broken-toml", environment: "test")
        #expect(test.map(\.file) == [root + "/environments/test/mpsc_channels.toml"])
    }

    @Test func describesAProblemWithItsCorrectedHeader() {
        let problem = ConfigProblem(file: "config/tasker/environments/production/mpsc_channels.toml", line: 7,
                                    severity: .error, kind: .missingPrefix, message: "wrong prefix",
                                    correctedHeader: "[mpsc_channels.orchestration.command_processor]")
        #expect(problem.description == """
            config/tasker/environments/production/mpsc_channels.toml:7: error: wrong prefix
                corrected header: [mpsc_channels.orchestration.command_processor]
            """)
    }
}
