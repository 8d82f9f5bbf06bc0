/// The result of parsing payload bytes: always the `|`-split fields, and the named payload when there are exactly 6.
public struct PayloadParse: Sendable, Equatable {
    /// The number of `|`-separated fields a personal QR payload has.
    public static let expectedFieldCount = 6

    /// The exact payload bytes.
    public let bytes: [UInt8]
    /// The bytes split on `|`, empty fields kept (one field for an empty payload).
    public let fields: [PayloadField]
    /// The named fields, present only when there are exactly 6.
    public let payload: PersonalQRPayload?

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        fields = PayloadField.split(bytes, range: 0..<bytes.count, on: 0x7C)
        payload = fields.count == Self.expectedFieldCount ? PersonalQRPayload(bytes: bytes, fields: fields) : nil
    }

    /// Whether the bytes are valid UTF-8.
    public var isValidUTF8: Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }
}
