/// One field of a payload: where its bytes are in the payload, the bytes, and their text (invalid UTF-8 replaced).
public struct PayloadField: Sendable, Equatable {
    /// Byte offsets in the whole payload.
    public let range: Range<Int>
    public let bytes: [UInt8]

    public init(range: Range<Int>, bytes: [UInt8]) {
        self.range = range
        self.bytes = bytes
    }

    /// The field as text; invalid UTF-8 shows as U+FFFD.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public var isEmpty: Bool { bytes.isEmpty }

    /// Splits `bytes[range]` on a separator byte, keeping empty pieces, with offsets into `bytes`.
    static func split(_ bytes: [UInt8], range: Range<Int>, on separator: UInt8) -> [PayloadField] {
        var fields: [PayloadField] = []
        var start = range.lowerBound
        for index in range where bytes[index] == separator {
            fields.append(PayloadField(range: start..<index, bytes: Array(bytes[start..<index])))
            start = index + 1
        }
        fields.append(PayloadField(range: start..<range.upperBound, bytes: Array(bytes[start..<range.upperBound])))
        return fields
    }
}
