import Foundation

/// The `Decoder` of `StrictJSONDecoder` over one value of the parsed tree; every refusal is a `DecodingError` whose
/// coding path the caller turns into a JSON Pointer, a line and a column.
struct JSONNodeDecoder: Decoder, SingleValueDecodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy _: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = node.kind else { throw mismatch([String: Any].self, expected: "an object") }
        return KeyedDecodingContainer(JSONNodeKeyedContainer<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = node.kind else { throw mismatch([Any].self, expected: "an array") }
        return JSONNodeUnkeyedContainer(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    /// A value found where another type was expected.
    func mismatch(_ type: Any.Type, expected: String) -> DecodingError {
        .typeMismatch(
            type, .init(codingPath: codingPath, debugDescription: "expected \(expected), found \(node.typeName)"))
    }

    func decodeNil() -> Bool {
        if case .null = node.kind { return true }
        return false
    }

    func decode(_: Bool.Type) throws -> Bool {
        guard case .bool(let value) = node.kind else { throw mismatch(Bool.self, expected: "a boolean") }
        return value
    }

    func decode(_: String.Type) throws -> String {
        guard case .string(let value) = node.kind else { throw mismatch(String.self, expected: "a string") }
        return value
    }

    func decode(_: Double.Type) throws -> Double {
        switch node.kind {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: throw mismatch(Double.self, expected: "a number")
        }
    }

    func decode(_: Float.Type) throws -> Float {
        let value = try decode(Double.self)
        guard abs(value) <= Double(Float.greatestFiniteMagnitude) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath, debugDescription: "the number \(value) does not fit Float"))
        }
        return Float(value)
    }

    /// An integer of any width: a JSON integer, or a number without fraction, that fits the type.
    func integer<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let converted: T?
        switch node.kind {
        case .integer(let value): converted = T(exactly: value)
        case .number(let value): converted = T(exactly: value)
        default: throw mismatch(T.self, expected: "an integer")
        }
        guard let converted else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath, debugDescription: "the number does not fit \(T.self) exactly"))
        }
        return converted
    }

    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    /// Any value; `Data` and `URL` read from strings as `JSONDecoder` reads them by default (base64, URL text), and
    /// `JSONValue` as parsed (integers and other numbers kept apart).
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if type == JSONValue.self, let value = node.value as? T { return value }
        if type == Data.self {
            guard let data = Data(base64Encoded: try decode(String.self)), let value = data as? T else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "not base64"))
            }
            return value
        }
        if type == URL.self {
            guard let url = URL(string: try decode(String.self)), let value = url as? T else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "not a URL"))
            }
            return value
        }
        return try T(from: self)
    }
}

/// A position in an array, as a coding key: its string value is the index, as a JSON Pointer writes it.
struct JSONIndexKey: CodingKey {
    let intValue: Int?
    let stringValue: String

    init(index: Int) {
        intValue = index
        stringValue = String(index)
    }

    init?(stringValue: String) {
        guard let index = Int(stringValue) else { return nil }
        self.init(index: index)
    }

    init?(intValue: Int) { self.init(index: intValue) }
}
