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

    @Test func outOfRangeInputsGiveNil() {
        #expect(QRCapacity.dataCodewords(version: 0, level: .M) == nil)
        #expect(QRCapacity.dataCodewords(version: 41, level: .M) == nil)
        #expect(QRCapacity.minimumByteModeVersion(byteCount: -1, level: .M) == nil)
    }
}
