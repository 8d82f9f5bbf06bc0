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

    /// Data codewords (total minus error correction) of a version at a level.
    public static func dataCodewords(version: Int, level: ErrorCorrectionLevel) -> Int? {
        guard (1...40).contains(version) else { return nil }
        let row: [Int]
        switch level {
        case .L: row = low
        case .M: row = medium
        case .Q: row = quartile
        case .H: row = high
        }
        return row[version - 1]
    }

    private static let low: [Int] = [
        19, 34, 55, 80, 108, 136, 156, 194, 232, 274,
        324, 370, 428, 461, 523, 589, 647, 721, 795, 861,
        932, 1006, 1094, 1174, 1276, 1370, 1468, 1531, 1631, 1735,
        1843, 1955, 2071, 2191, 2306, 2434, 2566, 2702, 2812, 2956,
    ]

    private static let medium: [Int] = [
        16, 28, 44, 64, 86, 108, 124, 154, 182, 216,
        254, 290, 334, 365, 415, 453, 507, 563, 627, 669,
        714, 782, 860, 914, 1000, 1062, 1128, 1193, 1267, 1373,
        1455, 1541, 1631, 1725, 1812, 1914, 1992, 2102, 2216, 2334,
    ]

    private static let quartile: [Int] = [
        13, 22, 34, 48, 62, 76, 88, 110, 132, 154,
        180, 206, 244, 261, 295, 325, 367, 397, 445, 485,
        512, 568, 614, 664, 718, 754, 808, 871, 911, 985,
        1033, 1115, 1171, 1231, 1286, 1354, 1426, 1502, 1582, 1666,
    ]

    private static let high: [Int] = [
        9, 16, 26, 36, 46, 60, 66, 86, 100, 122,
        140, 158, 180, 197, 223, 253, 283, 313, 341, 385,
        406, 442, 464, 514, 538, 596, 628, 661, 701, 745,
        793, 845, 901, 961, 986, 1054, 1096, 1142, 1222, 1276,
    ]
}
