import Foundation

/// The one reader of JSON inputs: parses strictly once (`StrictJSON`: duplicate members, trailing commas and the rest
/// refused) and decodes any `Decodable` from that tree, so a wrong type or a missing member names the file, the line,
/// the column and the JSON Pointer.
///
/// ```swift
/// let plan = try StrictJSONDecoder().decode(TestPlan.self, from: bytes, file: "plan.json")
/// ```
public struct StrictJSONDecoder: Sendable {
    public init() {}

    /// Decodes `type` from the document in `bytes`; `file` names the document in errors.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], file: String) throws(JSONDecodeError) -> T {
        try document(from: bytes, file: file).decode(type)
    }

    /// Parses the document once, for readers that look at the tree (a version, unknown members) before decoding it.
    public func document(from bytes: [UInt8], file: String) throws(JSONDecodeError) -> StrictJSONDocument {
        do {
            return StrictJSONDocument(root: try StrictJSON.parseNodes(bytes), bytes: bytes, file: file)
        } catch {
            throw JSONDecodeError(file: file, syntax: error)
        }
    }
}

/// A strictly parsed JSON document: its tree, and typed values decoded from it with errors that say where.
public struct StrictJSONDocument: Sendable {
    let root: JSONNode
    let bytes: [UInt8]
    /// The file the document was read from, for errors.
    public let file: String

    /// The whole document as a value.
    public var value: JSONValue { root.value }

    /// Decodes `type` from the document; a value of the wrong shape names the line, the column and the JSON Pointer.
    public func decode<T: Decodable>(_ type: T.Type) throws(JSONDecodeError) -> T {
        do {
            return try JSONNodeDecoder(node: root, codingPath: []).decode(type)
        } catch let error as DecodingError {
            throw JSONDecodeError(file: file, bytes: bytes, root: root, decoding: error)
        } catch {
            let (line, column) = StrictJSON.location(of: root.offset, in: bytes)
            throw JSONDecodeError(
                file: file, line: line, column: column, pointer: "", problem: "\(error)", isSyntax: false)
        }
    }
}
