/// Strict base64url without padding (RFC 4648 §5): the only encoding the signature profile accepts.
///
/// Strict means one spelling per byte string: no `=`, no characters outside `A–Z a–z 0–9 - _`,
/// no impossible length and no set bits after the last byte.
///
/// ```swift
/// Base64URL.encode([0xFB, 0xFF])   // "-_8"
/// try Base64URL.decode("-_8")      // [0xFB, 0xFF]
/// ```
public enum Base64URL {
    /// Why text is not strict base64url.
    public enum DecodingError: Error, Sendable, Equatable, CustomStringConvertible {
        /// A `=` at this 0-based character offset; the profile forbids padding.
        case padding(offset: Int)
        /// A byte outside the base64url alphabet at this 0-based offset.
        case invalidCharacter(UInt8, offset: Int)
        /// A length that leaves one character over (length mod 4 = 1): a truncated value.
        case invalidLength(Int)
        /// The last character carries bits after the last byte; another text is the encoding.
        case nonZeroTrailingBits

        public var description: String {
            switch self {
            case .padding(let offset): "padding '=' at character \(offset + 1)"
            case .invalidCharacter(let byte, let offset):
                "character \(RuleText.byte(byte)) at \(offset + 1) is not base64url"
            case .invalidLength(let length): "length \(length) is not a whole number of bytes (truncated?)"
            case .nonZeroTrailingBits: "the last character has bits set after the last byte"
            }
        }
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// The base64url text of some bytes, without padding.
    public static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let first = UInt32(bytes[index])
            let second = remaining > 1 ? UInt32(bytes[index + 1]) : 0
            let third = remaining > 2 ? UInt32(bytes[index + 2]) : 0
            let group = first << 16 | second << 8 | third
            let characters = remaining >= 3 ? 4 : remaining + 1
            for position in 0..<characters {
                output.append(alphabet[Int((group >> (18 - 6 * UInt32(position))) & 0x3F)])
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes of strict base64url text.
    public static func decode(_ text: String) throws(DecodingError) -> [UInt8] {
        try decode(Array(text.utf8))
    }

    /// The bytes of strict base64url text given as ASCII bytes.
    public static func decode(_ characters: [UInt8]) throws(DecodingError) -> [UInt8] {
        var sextets: [UInt32] = []
        sextets.reserveCapacity(characters.count)
        for (offset, character) in characters.enumerated() {
            guard let value = sextet(character) else {
                if character == UInt8(ascii: "=") { throw .padding(offset: offset) }
                throw .invalidCharacter(character, offset: offset)
            }
            sextets.append(value)
        }
        if sextets.count % 4 == 1 { throw .invalidLength(sextets.count) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(sextets.count * 3 / 4)
        var index = 0
        while index < sextets.count {
            let count = min(4, sextets.count - index)
            var group: UInt32 = 0
            for position in 0..<4 {
                group = group << 6 | (position < count ? sextets[index + position] : 0)
            }
            let produced = count - 1
            let unused = group & (produced == 3 ? 0 : (UInt32(1) << (8 * UInt32(3 - produced))) - 1)
            if unused != 0 { throw .nonZeroTrailingBits }
            for position in 0..<produced {
                bytes.append(UInt8(truncatingIfNeeded: group >> (16 - 8 * UInt32(position))))
            }
            index += 4
        }
        return bytes
    }

    /// The 6-bit value of one alphabet character, or nil.
    private static func sextet(_ character: UInt8) -> UInt32? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt32(character - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt32(character - UInt8(ascii: "a")) + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(character - UInt8(ascii: "0")) + 52
        case UInt8(ascii: "-"): 62
        case UInt8(ascii: "_"): 63
        default: nil
        }
    }
}
