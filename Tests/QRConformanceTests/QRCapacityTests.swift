import QRConformance
import QRSymbol
import Testing

/// The capacity table against byte-mode capacities published in ISO/IEC 18004 table 7.
@Suite struct QRCapacityTests {
    struct Case: Sendable {
        let version: Int
        let level: ErrorCorrectionLevel
        let bytes: Int
    }

    @Test(arguments: [
        Case(version: 1, level: .L, bytes: 17), Case(version: 1, level: .M, bytes: 14),
        Case(version: 1, level: .Q, bytes: 11), Case(version: 1, level: .H, bytes: 7),
        Case(version: 6, level: .M, bytes: 106), Case(version: 8, level: .Q, bytes: 108),
        Case(version: 10, level: .L, bytes: 271), Case(version: 13, level: .Q, bytes: 241),
        Case(version: 40, level: .L, bytes: 2953), Case(version: 40, level: .H, bytes: 1273),
    ])
    func byteCapacityMatchesTheStandard(_ testCase: Case) {
        #expect(QRCapacity.minimumByteModeVersion(byteCount: testCase.bytes, level: testCase.level) == testCase.version)
        let next = QRCapacity.minimumByteModeVersion(byteCount: testCase.bytes + 1, level: testCase.level)
        #expect(next == (testCase.version == 40 ? nil : testCase.version + 1))
    }

    /// Data codewords of versions 1–40 at L, M, Q, H, as ISO/IEC 18004 table 7 prints them.
    static let table7: [ErrorCorrectionLevel: [Int]] = [
        .L: [
            19, 34, 55, 80, 108, 136, 156, 194, 232, 274,
            324, 370, 428, 461, 523, 589, 647, 721, 795, 861,
            932, 1006, 1094, 1174, 1276, 1370, 1468, 1531, 1631, 1735,
            1843, 1955, 2071, 2191, 2306, 2434, 2566, 2702, 2812, 2956,
        ],
        .M: [
            16, 28, 44, 64, 86, 108, 124, 154, 182, 216,
            254, 290, 334, 365, 415, 453, 507, 563, 627, 669,
            714, 782, 860, 914, 1000, 1062, 1128, 1193, 1267, 1373,
            1455, 1541, 1631, 1725, 1812, 1914, 1992, 2102, 2216, 2334,
        ],
        .Q: [
            13, 22, 34, 48, 62, 76, 88, 110, 132, 154,
            180, 206, 244, 261, 295, 325, 367, 397, 445, 485,
            512, 568, 614, 664, 718, 754, 808, 871, 911, 985,
            1033, 1115, 1171, 1231, 1286, 1354, 1426, 1502, 1582, 1666,
        ],
        .H: [
            9, 16, 26, 36, 46, 60, 66, 86, 100, 122,
            140, 158, 180, 197, 223, 253, 283, 313, 341, 385,
            406, 442, 464, 514, 538, 596, 628, 661, 701, 745,
            793, 845, 901, 961, 986, 1054, 1096, 1142, 1222, 1276,
        ],
    ]

    @Test(
        "data codewords of every version and level match ISO/IEC 18004 table 7",
        arguments: [ErrorCorrectionLevel.L, .M, .Q, .H])
    func dataCodewordsMatchTable7(level: ErrorCorrectionLevel) throws {
        let expected = try #require(Self.table7[level])
        #expect((1...40).map { QRCapacity.dataCodewords(version: $0, level: level) } == expected)
    }

    @Test func outOfRangeInputsGiveNil() {
        #expect(QRCapacity.dataCodewords(version: 0, level: .M) == nil)
        #expect(QRCapacity.dataCodewords(version: 41, level: .M) == nil)
        #expect(QRCapacity.minimumByteModeVersion(byteCount: -1, level: .M) == nil)
    }
}
