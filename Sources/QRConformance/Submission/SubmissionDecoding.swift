/// Any member name, for listing the members an object has.
struct AnyMemberKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue _: Int) { nil }
}

extension Decoder {
    /// Fails on members other than these, so a typo is not silently ignored.
    func allowOnly(_ names: Set<String>) throws {
        let members = try container(keyedBy: AnyMemberKey.self)
        if let unknown = members.allKeys.map(\.stringValue).sorted().first(where: { !names.contains($0) }) {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: codingPath + [AnyMemberKey(unknown)], debugDescription: "unknown member \"\(unknown)\"")
            )
        }
    }
}

extension KeyedDecodingContainer {
    /// A problem with the member `key`, for `StrictJSONDecoder` to report at its pointer.
    func problem(_ key: Key, _ cause: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: codingPath + [key], debugDescription: cause))
    }

    /// A string member that must match `pattern`; missing, null or not matching names what was expected.
    func text(
        _ key: Key, pattern: (String) -> Bool = { !$0.isEmpty }, expected: String = "a non-empty string"
    ) throws -> String {
        guard let value = try decodeIfPresent(String.self, forKey: key) else {
            throw problem(key, "missing; expected \(expected)")
        }
        guard pattern(value) else {
            throw problem(
                key, "expected \(expected), found " + (value.count > 40 ? "\"\(value.prefix(40))…\"" : "\"\(value)\""))
        }
        return value
    }

    /// An optional number that must be positive and finite.
    func positiveNumber(_ key: Key) throws -> Double? {
        guard let value = try decodeIfPresent(Double.self, forKey: key) else { return nil }
        guard value > 0, value.isFinite else { throw problem(key, "expected a positive number, found \(value)") }
        return value
    }

    /// The decoders of an array of objects, each at its own pointer.
    func objects(_ key: Key, nonEmpty: Bool = true) throws -> [any Decoder] {
        guard contains(key) else { throw problem(key, "missing; expected an array") }
        var items = try nestedUnkeyedContainer(forKey: key)
        if nonEmpty && items.isAtEnd { throw problem(key, "must not be empty") }
        var decoders: [any Decoder] = []
        while !items.isAtEnd { decoders.append(try items.superDecoder()) }
        return decoders
    }
}
