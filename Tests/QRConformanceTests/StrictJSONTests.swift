import QRConformance
import Testing

struct StrictJSONTests {
    static let refused: [(String, String)] = [
        (
            #"{"keys":[],"keys":[1]}"#,
            #"line 1, column 12: duplicate member "keys"; each name may appear once per object (at /keys)"#
        ),
        ("{\n  \"a\": 1,\n}", "line 3, column 1: a trailing comma before '}'"),
        ("[1, 2,]", "line 1, column 7: a trailing comma before ']'"),
        ("{\"a\": 1} x", "line 1, column 10: unexpected data after the JSON value"),
        ("{\"a\": 01}", "line 1, column 7: a number with a leading zero (at /a)"),
        ("{\"a\": 1e999}", "line 1, column 7: a number out of range (at /a)"),
        ("// c\n{}", "line 1, column 1: expected a value, found '/'"),
        ("{\"a\": \"\\ud800\"}", "line 1, column 8: a lone surrogate escape (at /a)"),
        ("{\"a\": \"x", "line 1, column 7: a string that is never closed (at /a)"),
        ("{\"a\" 1}", "line 1, column 6: expected ':' after the member name, found '1' (at /a)"),
        ("", "line 1, column 1: the document ends early; expected a value"),
        ("{\"é\": tru}", "line 1, column 7: expected a value, found 't' (at /é)"),
        (
            String(repeating: "[", count: 300),
            "line 1, column 257: nested deeper than 256 levels (at \(String(repeating: "/0", count: 256)))"
        ),
    ]

    @Test(arguments: refused)
    func malformedDocumentsNameLineAndColumn(_ c: (String, String)) {
        #expect(throws: (any Error).self) { try StrictJSON.parse(Array(c.0.utf8)) }
        do {
            _ = try StrictJSON.parse(Array(c.0.utf8))
        } catch {
            #expect(error.description == c.1)
        }
    }

    @Test func invalidUTF8IsRefused() {
        let refusal = JSONSyntaxError(line: 1, column: 2, problem: "a string that is not valid UTF-8", pointer: "/0")
        #expect(throws: refusal) { try StrictJSON.parse([0x5B, 0x22, 0xFF, 0x22, 0x5D]) }
    }

    @Test func valuesKeepIntegersApart() throws {
        let value = try StrictJSON.parse(
            Array(#"{"i": -3, "n": 1.5, "e": 1e2, "s": "\u00e9\ud83d\ude00\n", "a": [true, null]}"#.utf8))
        #expect(
            value
                == .object([
                    "i": .integer(-3), "n": .number(1.5), "e": .number(100), "s": .string("é😀\n"),
                    "a": .array([.bool(true), .null]),
                ]))
    }

    @Test func aTrustListWithADuplicateMemberIsRefused() {
        #expect(
            throws: TrustListError.trustList(
                code: .invalidJSON, path: "t.json",
                cause:
                    #"not valid JSON: line 1, column 12: duplicate member "keys"; each name may appear once per object (at /keys)"#
            )
        ) {
            try TrustList.parse(data: Array(#"{"keys":[],"keys":[{"kty":"EC"}]}"#.utf8), path: "t.json")
        }
    }
}
