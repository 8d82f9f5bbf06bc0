import QRConformance
import Testing

/// `StrictJSONDecoder`: every refusal names the file, line, column and JSON Pointer; a nested value round-trips.
struct StrictJSONDecoderTests {
    struct Plan: Codable, Equatable {
        struct Item: Codable, Equatable {
            let name: String
            let count: Int
            let ratio: Double?
            let tags: [String]
        }

        let id: String
        let items: [Item]
        let limits: [String: Int]
        let enabled: Bool
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        let name: String
        let json: String
        let line: Int
        let column: Int
        let pointer: String
        let isSyntax: Bool
        let message: String
        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(
            name: "duplicate key", json: "{\"id\": \"a\",\n \"id\": \"b\"}", line: 2, column: 2, pointer: "/id",
            isSyntax: true,
            message: #"p.json: not valid JSON: line 2, column 2: duplicate member "id"; each name may appear once "#
                + "per object (at /id)"),
        Refusal(
            name: "trailing comma", json: "{\"items\": [\n  {\"name\": \"x\"},\n]}", line: 3, column: 1,
            pointer: "/items", isSyntax: true,
            message: "p.json: not valid JSON: line 3, column 1: a trailing comma before ']' (at /items)"),
        Refusal(
            name: "type mismatch",
            json: #"{"id": "a", "enabled": true, "limits": {}, "items": [{"name": "x", "count": "7", "tags": []}]}"#,
            line: 1, column: 77, pointer: "/items/0/count", isSyntax: false,
            message: "p.json: unexpected content: line 1, column 77: expected an integer, found string "
                + "(at /items/0/count)"),
        Refusal(
            name: "missing key",
            json: "{\"id\": \"a\", \"enabled\": true, \"limits\": {},\n \"items\": [{\"count\": 1}]}",
            line: 2, column: 12, pointer: "/items/0", isSyntax: false,
            message: #"p.json: unexpected content: line 2, column 12: missing member "name" (at /items/0)"#),
        Refusal(
            name: "missing key at the top", json: "{}", line: 1, column: 1, pointer: "", isSyntax: false,
            message: #"p.json: unexpected content: line 1, column 1: missing member "id" (at /)"#),
        Refusal(
            name: "null for a required value",
            json: #"{"id": null, "enabled": true, "limits": {}, "items": []}"#, line: 1, column: 8, pointer: "/id",
            isSyntax: false,
            message: "p.json: unexpected content: line 1, column 8: expected a string, found null (at /id)"),
        Refusal(
            name: "integer out of range",
            json: #"{"id": "a", "enabled": true, "limits": {"x": 1e30}, "items": []}"#, line: 1, column: 46,
            pointer: "/limits/x", isSyntax: false,
            message: "p.json: unexpected content: line 1, column 46: the number does not fit Int exactly (at /limits/x)"
        ),
    ]

    @Test(arguments: refusals)
    func refusalsNameLineColumnAndPointer(_ c: Refusal) {
        #expect(throws: JSONDecodeError.self) {
            try StrictJSONDecoder().decode(Plan.self, from: Array(c.json.utf8), file: "p.json")
        }
        do {
            _ = try StrictJSONDecoder().decode(Plan.self, from: Array(c.json.utf8), file: "p.json")
        } catch {
            #expect(error.file == "p.json")
            #expect(error.line == c.line)
            #expect(error.column == c.column)
            #expect(error.pointer == c.pointer)
            #expect(error.isSyntax == c.isSyntax)
            #expect(error.description == c.message)
        }
    }

    @Test func aNestedValueRoundTrips() throws {
        let plan = Plan(
            id: "p/1~x",
            items: [
                .init(name: "é😀\n", count: -3, ratio: 0.25, tags: ["a", ""]),
                .init(name: "b", count: Int.max, ratio: nil, tags: []),
            ],
            limits: ["x": 1, "y": 0], enabled: false)
        let bytes = try ReportCoding.encoder(.report).encode(plan)
        #expect(try StrictJSONDecoder().decode(Plan.self, from: Array(bytes), file: "p.json") == plan)
    }

    @Test func aPointerEscapesSlashAndTilde() {
        #expect(throws: JSONDecodeError.self) {
            try StrictJSONDecoder().decode([String: Int].self, from: Array(#"{"a/b~c": "x"}"#.utf8), file: "p.json")
        }
        do {
            _ = try StrictJSONDecoder().decode([String: Int].self, from: Array(#"{"a/b~c": "x"}"#.utf8), file: "p.json")
        } catch {
            #expect(error.pointer == "/a~1b~0c")
        }
    }
}
