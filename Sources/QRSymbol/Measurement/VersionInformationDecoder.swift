/// Decodes an 18-bit QR version information block (BCH(18,6)) to the nearest valid version 7–40.
///
/// Minimum distance 8: up to 3 bit errors are corrected; a block further from every valid word is unreadable.
public enum VersionInformationDecoder {
    /// Bit errors corrected at most.
    public static let maximumBitErrors = 3

    /// The decoded version with the number of bits that differed.
    public struct Decoded: Sendable, Equatable {
        public var version: Int
        public var bitErrors: Int

        public init(version: Int, bitErrors: Int) {
            self.version = version
            self.bitErrors = bitErrors
        }
    }

    /// The 18-bit word stored in the symbol for a version (meaningful for 7–40).
    public static func encode(version: Int) -> Int {
        let data = version & 0x3F
        return (data << 12) | BCHCode.remainder(data, generator: 0x1F25, degree: 12)
    }

    /// The nearest valid version within 3 bits of `word` (low 18 bits, MSB = bit 17), or nil.
    public static func decode(_ word: Int) -> Decoded? {
        let bits = word & 0x3FFFF
        var best: Decoded?
        for version in 7...40 {
            let distance = (encode(version: version) ^ bits).nonzeroBitCount
            if distance <= maximumBitErrors, distance < (best?.bitErrors ?? Int.max) {
                best = Decoded(version: version, bitErrors: distance)
            }
        }
        return best
    }
}
