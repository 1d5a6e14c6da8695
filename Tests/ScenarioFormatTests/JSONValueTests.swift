import Foundation
import Testing
@testable import ScenarioFormat

@Test(arguments: [
    (0.0, "0"), (-0.0, "0"), (1, "1"), (-3, "-3"), (200, "200"), (1.5, "1.5"), (0.1, "0.1"),
    (1e21, "1e+21"), (1e20, "100000000000000000000"), (Double("123456789012345680000")!, "123456789012345680000"),
    (1e-7, "1e-7"), (1.5e-5, "0.000015"), (0.000001, "0.000001"), (2.5e-7, "2.5e-7"),
    (Double.leastNonzeroMagnitude, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"), (Double("9007199254740993")!, "9007199254740992"),
    (123.456, "123.456"), (-1e-7, "-1e-7"), (Double.nan, "null"), (Double.infinity, "null"),
] as [(Double, String)])
func numbersPrintAsJavaScriptDoes(number: Double, text: String) {
    #expect(JSONValue.format(number: number) == text)
}

@Test func compactAndPrettyAreStable() {
    let v: JSONValue = ["z": [1, 2.5, "a\"b\\c\n\u{01}é"], "a": nil_, "m": ["k": true]]
    #expect(v.compact == #"{"a":null,"m":{"k":true},"z":[1,2.5,"a\"b\\c\n\u0001é"]}"#)
    #expect(v.pretty == """
        {
          "a": null,
          "m": {
            "k": true
          },
          "z": [
            1,
            2.5,
            "a\\"b\\\\c\\n\\u0001é"
          ]
        }
        """)
    #expect(JSONValue.array([]).pretty == "[]")
    #expect(JSONValue.object([:]).compact == "{}")
}

private let nil_ = JSONValue.null

/// JSONSerialization hands back NSNumbers; on Linux `1 as? Bool` succeeds, so booleans must be
/// told apart by identity with the boolean singletons. This pins that down.
@Test func foundationBooleansAreNotNumbers() throws {
    let any = try JSONSerialization.jsonObject(with: Data(#"[true, false, 1, 0, 1.0, -2, 1e2, "1", null]"#.utf8))
    let v = try #require(JSONValue(jsonObject: any))
    #expect(v == [true, false, 1, 0, 1, -2, 100, "1", .null])
    guard case .array(let items) = v else { return }
    #expect(items[2] != .bool(true))
    #expect(items[3] != .bool(false))
    #expect(items[0] != .number(1))
}

@Test func codableRoundTrip() throws {
    let v: JSONValue = ["a": [1, 2.5, true, false, .null, "s"], "b": [:], "c": []]
    let data = try JSONEncoder().encode(v)
    #expect(try JSONDecoder().decode(JSONValue.self, from: data) == v)
    // A JSON true stays a boolean, a JSON 1 stays a number.
    #expect(try JSONDecoder().decode(JSONValue.self, from: Data("[true,1,0,false]".utf8)) == [true, 1, 0, false])
}
