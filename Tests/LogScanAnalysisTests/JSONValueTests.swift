import Foundation
import Testing
@testable import LogScanAnalysis

/// The schema-free JSON reader baselines are parsed with answers as the casts of a
/// `JSONSerialization` tree did.
@Suite struct JSONValueTests {
    static let document = """
    {"schema": "tasker-logscan/report/v1", "n": 42, "big": 1e30, "half": 2.5, "neg": -7,
     "t": true, "f": false, "z": null, "s": "é\\u0022", "list": [{"a": 1}, {"b": "x"}],
     "mixed": [{"a": 1}, 2], "o": {"k": [1, 2, 3]}}
    """

    @Test func membersReadAsTheirTypes() throws {
        let root = try #require(JSONValue.parse(Data(Self.document.utf8)))
        #expect(root["schema"]?.string == "tasker-logscan/report/v1")
        #expect(root["n"]?.int64 == 42)
        #expect(root["n"]?.double == 42)
        #expect(root["half"]?.double == 2.5)
        #expect(root["half"]?.int64 == 2)
        #expect(root["neg"]?.int64 == -7)
        #expect(root["big"]?.double == 1e30)
        #expect(root["big"]?.int64 == nil)
        #expect(root["t"]?.bool == true)
        #expect(root["f"]?.bool == false)
        #expect(root["z"] != nil && root["z"]?.string == nil)
        #expect(root["s"]?.string == "é\"")
        #expect(root["list"]?.objects?.count == 2)
        #expect(root["list"]?.objects?[1]["b"]?.string == "x")
        // Not every element an object: not an array of objects.
        #expect(root["mixed"]?.objects == nil)
        #expect(root["o"]?.object?.keys.sorted() == ["k"])
        #expect(root["missing"] == nil)
        // Of another type: nil, as a failed cast was.
        #expect(root["n"]?.string == nil)
        #expect(root["s"]?.double == nil)
        #expect(root["t"]?.int64 == nil)
    }

    @Test func notJSONIsNil() {
        #expect(JSONValue.parse(Data("not json".utf8)) == nil)
        #expect(JSONValue.parse(Data("{\"a\": ".utf8)) == nil)
        #expect(JSONValue.parse(Data()) == nil)
        #expect(JSONValue.parse(Data("[1, 2]".utf8))?.object == nil)
    }
}
