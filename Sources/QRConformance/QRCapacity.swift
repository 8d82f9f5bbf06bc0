import QRSymbol

/// Data capacity of QR versions 1–40 per error correction level (ISO/IEC 18004 table 7), and the smallest
/// version that holds a payload as one byte-mode segment.
public enum QRCapacity {
    /// The smallest version whose data codewords hold `byteCount` bytes in one byte-mode segment, or nil if none.
    public static func minimumByteModeVersion(byteCount: Int, level: ErrorCorrectionLevel) -> Int? {
        guard byteCount >= 0 else { return nil }
        for version in 1...40 {
            let countBits = version <= 9 ? 8 : 16
            guard byteCount < 1 << countBits, let codewords = dataCodewords(version: version, level: level) else {
                continue
            }
            let (payloadBits, overflow) = byteCount.multipliedReportingOverflow(by: 8)
            if !overflow, 4 + countBits + payloadBits <= codewords * 8 { return version }
        }
        return nil
    }

    /// Data codewords (total minus error correction) of a version at a level, from the block structure the reader
    /// uses (ISO/IEC 18004 table 9), so the two never disagree.
    public static func dataCodewords(version: Int, level: ErrorCorrectionLevel) -> Int? {
        BlockStructure(version: version, ecLevel: level)?.totalDataCodewords
    }
}
