import Testing
@testable import LogScanAnalysis

/// The questions about slow handlers near episodes: asked in any order and more than once,
/// answered in one pass over slow handlers in time order, looked up by episode.
@Suite struct SlowHandlerQueriesTests {
    @Test func answersEachIntervalOnceWhateverTheOrderOfAsking() {
        var queries = SlowHandlerQueries(window: 10)
        // Episodes 100–200, 150–160 (asked twice), 500–500 and 90–300.
        for (start, end) in [(100, 200), (150, 160), (500, 500), (150, 160), (90, 300)] as [(Int64, Int64)] {
            queries.ask(start, end)
        }
        let handlers: [(Int64, Double)] = [(80, 1.5), (95, .nan), (145, 3), (171, 9), (215, 2), (311, 4), (489, 0.5), (520, 7)]
        queries.answer { visit in for (time, seconds) in handlers { visit(time, seconds) } }
        // 100–200 widens to 90–210: 95, 145, 171. 150–160 to 140–170: 145. 500 to 490–510: none
        // (489 and 520 are outside). 90–300 to 80–310: 80, 95, 145, 171, 215.
        #expect(queries.near(100, 200).count == 3)
        #expect(queries.near(100, 200).slowest == 9)
        #expect(queries.near(150, 160).count == 1)
        #expect(queries.near(150, 160).slowest == 3)
        #expect(queries.near(500, 500).count == 0)
        #expect(queries.near(500, 500).slowest == nil)
        #expect(queries.near(90, 300).count == 5)
        #expect(queries.near(90, 300).slowest == 9)
        // Never asked: no answer.
        #expect(queries.near(0, 1).count == 0)
        #expect(queries.near(100, 201).count == 0)
    }
}
