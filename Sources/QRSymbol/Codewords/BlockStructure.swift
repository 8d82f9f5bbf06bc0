/// How one version/EC level splits its codewords into Reed–Solomon blocks (ISO/IEC 18004 Table 9).
public struct BlockStructure: Sendable, Equatable {
    /// EC codewords in every block of this version/level.
    public let ecCodewordsPerBlock: Int
    /// Data codewords of each block in order (short blocks first, then blocks with one more).
    public let dataCodewords: [Int]
    /// Codewords kept back from correction to lower the chance of a misdecode (Table 9 footnote "p").
    public let misdecodeProtection: Int

    /// The structure for a version 1…40 and level; nil for any other version.
    public init?(version: Int, ecLevel: ErrorCorrectionLevel) {
        guard version >= 1, version <= 40 else { return nil }
        let levelIndex: Int
        switch ecLevel {
        case .L: levelIndex = 0
        case .M: levelIndex = 1
        case .Q: levelIndex = 2
        case .H: levelIndex = 3
        }
        let entry = Self.table[version - 1][levelIndex]
        ecCodewordsPerBlock = entry.ec
        dataCodewords =
            Array(repeating: entry.shortData, count: entry.shortBlocks)
            + Array(repeating: entry.shortData + 1, count: entry.longBlocks)
        misdecodeProtection = Self.protection(version: version, ecLevel: ecLevel)
    }

    /// Number of blocks.
    public var blockCount: Int { dataCodewords.count }
    /// Data codewords over all blocks.
    public var totalDataCodewords: Int { dataCodewords.reduce(0, +) }
    /// All codewords of the symbol.
    public var totalCodewords: Int { totalDataCodewords + ecCodewordsPerBlock * blockCount }
    /// Most errors one block may correct: ⌊(EC codewords − p) / 2⌋.
    public var correctableErrorsPerBlock: Int { (ecCodewordsPerBlock - misdecodeProtection) / 2 }

    /// Position in the interleaved codeword sequence of codeword `offset` of block `block`
    /// (offsets below the block's data count are data, the rest EC); nil when out of range.
    public func streamIndex(block: Int, offset: Int) -> Int? {
        guard block >= 0, block < blockCount, offset >= 0 else { return nil }
        let data = dataCodewords[block]
        if offset < data {
            let shortData = dataCodewords[0]
            let shortBlocks = dataCodewords.filter { $0 == shortData }.count
            if offset < shortData { return offset * blockCount + block }
            return shortData * blockCount + (block - shortBlocks)
        }
        let ecOffset = offset - data
        guard ecOffset < ecCodewordsPerBlock else { return nil }
        return totalDataCodewords + ecOffset * blockCount + block
    }

    /// p from ISO/IEC 18004 Table 9: 3 for 1-L, 2 for 1-M and 2-L, 1 for 1-Q, 1-H and 3-L, else 0.
    static func protection(version: Int, ecLevel: ErrorCorrectionLevel) -> Int {
        switch (version, ecLevel) {
        case (1, .L): 3
        case (1, .M), (2, .L): 2
        case (1, .Q), (1, .H), (3, .L): 1
        default: 0
        }
    }

    /// Per version, per level L, M, Q, H: (EC per block, short blocks, data per short block, long blocks).
    static let table: [[(ec: Int, shortBlocks: Int, shortData: Int, longBlocks: Int)]] = [
        [(7, 1, 19, 0), (10, 1, 16, 0), (13, 1, 13, 0), (17, 1, 9, 0)],
        [(10, 1, 34, 0), (16, 1, 28, 0), (22, 1, 22, 0), (28, 1, 16, 0)],
        [(15, 1, 55, 0), (26, 1, 44, 0), (18, 2, 17, 0), (22, 2, 13, 0)],
        [(20, 1, 80, 0), (18, 2, 32, 0), (26, 2, 24, 0), (16, 4, 9, 0)],
        [(26, 1, 108, 0), (24, 2, 43, 0), (18, 2, 15, 2), (22, 2, 11, 2)],
        [(18, 2, 68, 0), (16, 4, 27, 0), (24, 4, 19, 0), (28, 4, 15, 0)],
        [(20, 2, 78, 0), (18, 4, 31, 0), (18, 2, 14, 4), (26, 4, 13, 1)],
        [(24, 2, 97, 0), (22, 2, 38, 2), (22, 4, 18, 2), (26, 4, 14, 2)],
        [(30, 2, 116, 0), (22, 3, 36, 2), (20, 4, 16, 4), (24, 4, 12, 4)],
        [(18, 2, 68, 2), (26, 4, 43, 1), (24, 6, 19, 2), (28, 6, 15, 2)],
        [(20, 4, 81, 0), (30, 1, 50, 4), (28, 4, 22, 4), (24, 3, 12, 8)],
        [(24, 2, 92, 2), (22, 6, 36, 2), (26, 4, 20, 6), (28, 7, 14, 4)],
        [(26, 4, 107, 0), (22, 8, 37, 1), (24, 8, 20, 4), (22, 12, 11, 4)],
        [(30, 3, 115, 1), (24, 4, 40, 5), (20, 11, 16, 5), (24, 11, 12, 5)],
        [(22, 5, 87, 1), (24, 5, 41, 5), (30, 5, 24, 7), (24, 11, 12, 7)],
        [(24, 5, 98, 1), (28, 7, 45, 3), (24, 15, 19, 2), (30, 3, 15, 13)],
        [(28, 1, 107, 5), (28, 10, 46, 1), (28, 1, 22, 15), (28, 2, 14, 17)],
        [(30, 5, 120, 1), (26, 9, 43, 4), (28, 17, 22, 1), (28, 2, 14, 19)],
        [(28, 3, 113, 4), (26, 3, 44, 11), (26, 17, 21, 4), (26, 9, 13, 16)],
        [(28, 3, 107, 5), (26, 3, 41, 13), (30, 15, 24, 5), (28, 15, 15, 10)],
        [(28, 4, 116, 4), (26, 17, 42, 0), (28, 17, 22, 6), (30, 19, 16, 6)],
        [(28, 2, 111, 7), (28, 17, 46, 0), (30, 7, 24, 16), (24, 34, 13, 0)],
        [(30, 4, 121, 5), (28, 4, 47, 14), (30, 11, 24, 14), (30, 16, 15, 14)],
        [(30, 6, 117, 4), (28, 6, 45, 14), (30, 11, 24, 16), (30, 30, 16, 2)],
        [(26, 8, 106, 4), (28, 8, 47, 13), (30, 7, 24, 22), (30, 22, 15, 13)],
        [(28, 10, 114, 2), (28, 19, 46, 4), (28, 28, 22, 6), (30, 33, 16, 4)],
        [(30, 8, 122, 4), (28, 22, 45, 3), (30, 8, 23, 26), (30, 12, 15, 28)],
        [(30, 3, 117, 10), (28, 3, 45, 23), (30, 4, 24, 31), (30, 11, 15, 31)],
        [(30, 7, 116, 7), (28, 21, 45, 7), (30, 1, 23, 37), (30, 19, 15, 26)],
        [(30, 5, 115, 10), (28, 19, 47, 10), (30, 15, 24, 25), (30, 23, 15, 25)],
        [(30, 13, 115, 3), (28, 2, 46, 29), (30, 42, 24, 1), (30, 23, 15, 28)],
        [(30, 17, 115, 0), (28, 10, 46, 23), (30, 10, 24, 35), (30, 19, 15, 35)],
        [(30, 17, 115, 1), (28, 14, 46, 21), (30, 29, 24, 19), (30, 11, 15, 46)],
        [(30, 13, 115, 6), (28, 14, 46, 23), (30, 44, 24, 7), (30, 59, 16, 1)],
        [(30, 12, 121, 7), (28, 12, 47, 26), (30, 39, 24, 14), (30, 22, 15, 41)],
        [(30, 6, 121, 14), (28, 6, 47, 34), (30, 46, 24, 10), (30, 2, 15, 64)],
        [(30, 17, 122, 4), (28, 29, 46, 14), (30, 49, 24, 10), (30, 24, 15, 46)],
        [(30, 4, 122, 18), (28, 13, 46, 32), (30, 48, 24, 14), (30, 42, 15, 32)],
        [(30, 20, 117, 4), (28, 40, 47, 7), (30, 43, 24, 22), (30, 10, 15, 67)],
        [(30, 19, 118, 6), (28, 18, 47, 31), (30, 34, 24, 34), (30, 20, 15, 61)],
    ]
}
