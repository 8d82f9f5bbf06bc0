import QRConformance
import Testing

/// The strict base64url codec: round trips, and every way text can fail to be the one spelling of some bytes.
@Suite struct SignatureBase64URLTests {
    @Test(
        arguments: [
            ([], ""), ([0x66], "Zg"), ([0x66, 0x6F], "Zm8"), ([0x66, 0x6F, 0x6F], "Zm9v"),
            ([0xFB, 0xFF], "-_8"), ([0xFF, 0xFF, 0xFE], "___-"), ([0x00, 0x10, 0x83], "ABCD"),
        ] as [([UInt8], String)])
    func roundTrips(bytes: [UInt8], text: String) throws {
        #expect(Base64URL.encode(bytes) == text)
        #expect(try Base64URL.decode(text) == bytes)
    }

    @Test func everyLengthRoundTrips() throws {
        for count in 0..<70 {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(try Base64URL.decode(Base64URL.encode(bytes)) == bytes, "\(count) bytes")
        }
    }

    @Test(
        arguments: [
            ("Zg==", Base64URL.DecodingError.padding(offset: 2), "padding '=' at character 3"),
            ("Zm9v+A", .invalidCharacter(0x2B, offset: 4), "character 0x2B at 5 is not base64url"),
            ("Zm/v", .invalidCharacter(0x2F, offset: 2), "character 0x2F at 3 is not base64url"),
            ("Zm v", .invalidCharacter(0x20, offset: 2), "character 0x20 at 3 is not base64url"),
            ("Zm9vY", .invalidLength(5), "length 5 is not a whole number of bytes (truncated?)"),
            ("Zh", .nonZeroTrailingBits, "the last character has bits set after the last byte"),
            ("Zm9", .nonZeroTrailingBits, "the last character has bits set after the last byte"),
        ] as [(String, Base64URL.DecodingError, String)])
    func rejects(text: String, error: Base64URL.DecodingError, message: String) {
        #expect(throws: error) { try Base64URL.decode(text) }
        #expect(error.description == message)
    }
}
