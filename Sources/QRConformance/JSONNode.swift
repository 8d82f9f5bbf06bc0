/// A value of a strictly parsed JSON document with the byte offset where it starts, so `StrictJSONDecoder` can name
/// the line and column of a value it refuses. Integers that fit `Int` stay apart from other numbers, as in `JSONValue`.
struct JSONNode: Sendable {
    enum Kind: Sendable {
        case null
        case bool(Bool)
        case integer(Int)
        case number(Double)
        case string(String)
        case array([JSONNode])
        case object([String: JSONNode])
    }

    let offset: Int
    let kind: Kind

    /// The same value without offsets.
    var value: JSONValue {
        switch kind {
        case .null: .null
        case .bool(let value): .bool(value)
        case .integer(let value): .integer(value)
        case .number(let value): .number(value)
        case .string(let value): .string(value)
        case .array(let items): .array(items.map(\.value))
        case .object(let members): .object(members.mapValues(\.value))
        }
    }

    /// The name of this value's JSON type, for messages (`JSONValue.typeName`).
    var typeName: String { value.typeName }

    /// The value a coding path leads to, or the deepest one on the way when the path leaves the document.
    func deepest(along path: [any CodingKey]) -> JSONNode {
        var node = self
        for key in path {
            switch node.kind {
            case .object(let members):
                guard let member = members[key.stringValue] else { return node }
                node = member
            case .array(let items):
                guard let index = key.intValue, items.indices.contains(index) else { return node }
                node = items[index]
            default:
                return node
            }
        }
        return node
    }
}

extension JSONNode {
    /// A tree without offsets (every value at 0), for decoding a value already parsed.
    init(_ value: JSONValue) {
        switch value {
        case .null: self.init(offset: 0, kind: .null)
        case .bool(let value): self.init(offset: 0, kind: .bool(value))
        case .integer(let value): self.init(offset: 0, kind: .integer(value))
        case .number(let value): self.init(offset: 0, kind: .number(value))
        case .string(let value): self.init(offset: 0, kind: .string(value))
        case .array(let items): self.init(offset: 0, kind: .array(items.map(JSONNode.init)))
        case .object(let members): self.init(offset: 0, kind: .object(members.mapValues(JSONNode.init)))
        }
    }
}
