/// Decodes 15-bit QR format information (BCH(15,5), XOR mask 0x5412) to the nearest valid word.
///
/// The code's minimum distance is 7, so up to 3 bit errors are corrected unambiguously; anything further from
/// every valid word is reported unreadable rather than guessed.
public enum FormatInformationDecoder {
    /// Bit errors corrected at most.
    public static let maximumBitErrors = 3

    /// The decoded EC level and mask with the number of bits that differed.
    public struct Decoded: Sendable, Equatable {
        public var ecLevel: ErrorCorrectionLevel
        public var mask: Int
        public var bitErrors: Int

        public init(ecLevel: ErrorCorrectionLevel, mask: Int, bitErrors: Int) {
            self.ecLevel = ecLevel
            self.mask = mask
            self.bitErrors = bitErrors
        }
    }

    /// The masked 15-bit word stored in the symbol for an EC level and mask (0–7).
    public static func encode(ecLevel: ErrorCorrectionLevel, mask: Int) -> Int {
        let data = (ecLevel.formatBits << 3) | (mask & 7)
        return ((data << 10) | BCHCode.remainder(data, generator: 0x537, degree: 10)) ^ 0x5412
    }

    /// The nearest valid word within 3 bits of `word` (low 15 bits, MSB = bit 14), or nil.
    public static func decode(_ word: Int) -> Decoded? {
        let masked = word & 0x7FFF
        var best: Decoded?
        for level in ErrorCorrectionLevel.allCases {
            for mask in 0..<8 {
                let distance = (encode(ecLevel: level, mask: mask) ^ masked).nonzeroBitCount
                if distance <= maximumBitErrors, distance < (best?.bitErrors ?? Int.max) {
                    best = Decoded(ecLevel: level, mask: mask, bitErrors: distance)
                }
            }
        }
        return best
    }
}

/// Polynomial remainder over GF(2), shared by the format and version BCH codes.
enum BCHCode {
    static func remainder(_ data: Int, generator: Int, degree: Int) -> Int {
        var value = data << degree
        let top = Int.bitWidth - generator.leadingZeroBitCount - 1
        while value != 0, Int.bitWidth - value.leadingZeroBitCount - 1 >= top {
            value ^= generator << (Int.bitWidth - value.leadingZeroBitCount - 1 - top)
        }
        return value
    }
}
