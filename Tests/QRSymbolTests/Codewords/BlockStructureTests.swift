import QRSymbol
import Testing

@Suite("Block structure, function patterns and placement")
struct BlockStructureTests {
    static let combinations: [(Int, ErrorCorrectionLevel)] = (1...40).flatMap { v in
        ErrorCorrectionLevel.allCases.map { (v, $0) }
    }

    /// Total codewords per version from ISO/IEC 18004 Table 1 (independent of Table 9).
    static let totalCodewords = [
        26, 44, 70, 100, 134, 172, 196, 242, 292, 346, 404, 466, 532, 581, 655, 733, 815, 901, 991, 1085,
        1156, 1258, 1364, 1474, 1588, 1706, 1828, 1921, 2051, 2185, 2323, 2465, 2611, 2761, 2876, 3034, 3196,
        3362, 3532, 3706,
    ]
    /// Remainder bits per version from ISO/IEC 18004 Table 1.
    static func remainderBits(_ v: Int) -> Int {
        switch v {
        case 2...6: 7
        case 14...20, 28...34: 3
        case 21...27: 4
        default: 0
        }
    }

    @Test("blocks add up to the codewords the geometry leaves for data", arguments: combinations)
    func blocksFitGeometry(version: Int, level: ErrorCorrectionLevel) throws {
        let structure = try #require(BlockStructure(version: version, ecLevel: level))
        let modules = CodewordPlacement.modulePositions(version: version).count
        #expect(structure.totalCodewords == Self.totalCodewords[version - 1])
        #expect(modules == structure.totalCodewords * 8 + Self.remainderBits(version))
        #expect(Set(CodewordPlacement.modulePositions(version: version)).count == modules)
        #expect((structure.dataCodewords.max() ?? 0) - (structure.dataCodewords.min() ?? 0) <= 1)
    }

    @Test("stream indices are a permutation of the interleaved sequence", arguments: combinations)
    func streamIndexIsPermutation(version: Int, level: ErrorCorrectionLevel) throws {
        let structure = try #require(BlockStructure(version: version, ecLevel: level))
        var seen: [Int] = []
        for (block, data) in structure.dataCodewords.enumerated() {
            for offset in 0..<(data + structure.ecCodewordsPerBlock) {
                seen.append(try #require(structure.streamIndex(block: block, offset: offset)))
            }
            #expect(structure.streamIndex(block: block, offset: data + structure.ecCodewordsPerBlock) == nil)
        }
        #expect(seen.sorted() == Array(0..<structure.totalCodewords))
    }

    @Test(
        "misdecode protection p and capacity follow Table 9 footnotes",
        arguments: [
            (1, ErrorCorrectionLevel.L, 3, 2), (1, .M, 2, 4), (1, .Q, 1, 6), (1, .H, 1, 8), (2, .L, 2, 4),
            (3, .L, 1, 7),
            (2, .M, 0, 8), (3, .M, 0, 13), (40, .H, 0, 15), (5, .Q, 0, 9),
        ])
    func protection(version: Int, level: ErrorCorrectionLevel, p: Int, capacity: Int) throws {
        let structure = try #require(BlockStructure(version: version, ecLevel: level))
        #expect(structure.misdecodeProtection == p)
        #expect(structure.correctableErrorsPerBlock == capacity)
    }

    @Test(
        "alignment centres match Annex E samples",
        arguments: [
            (1, [Int]()), (2, [6, 18]), (7, [6, 22, 38]), (14, [6, 26, 46, 66]), (32, [6, 34, 60, 86, 112, 138]),
            (36, [6, 24, 50, 76, 102, 128, 154]), (40, [6, 30, 58, 86, 114, 142, 170]),
        ])
    func alignment(version: Int, centres: [Int]) {
        #expect(FunctionPatternMap.alignmentCentres(version: version) == centres)
    }

    @Test("out-of-range versions give nothing", arguments: [0, -1, 41, 1000])
    func outOfRange(version: Int) {
        #expect(BlockStructure(version: version, ecLevel: .M) == nil)
        #expect(FunctionPatternMap(version: version) == nil)
        #expect(CodewordPlacement.modulePositions(version: version).isEmpty)
    }
}
