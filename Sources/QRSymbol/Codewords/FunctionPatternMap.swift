/// Which modules of a symbol are function patterns or reserved areas rather than data (ISO/IEC 18004 6.3).
///
/// Reserved: finders with separators and format areas (the 9×9 / 9×8 / 8×9 corners, which include
/// the dark module), both timing lines, alignment patterns, and the version blocks from version 7.
public struct FunctionPatternMap: Sendable, Equatable {
    /// Modules per side.
    public let size: Int
    /// `size * size` flags, row by row, true where the module is not a data module.
    public let reserved: [Bool]

    /// The map for version 1…40; nil for any other version.
    public init?(version: Int) {
        guard version >= 1, version <= 40 else { return nil }
        let size = 17 + 4 * version
        var reserved = [Bool](repeating: false, count: size * size)
        func mark(rows: Range<Int>, columns: Range<Int>) {
            for row in rows {
                for column in columns { reserved[row * size + column] = true }
            }
        }
        mark(rows: 0..<9, columns: 0..<9)
        mark(rows: 0..<9, columns: (size - 8)..<size)
        mark(rows: (size - 8)..<size, columns: 0..<9)
        mark(rows: 6..<7, columns: 0..<size)
        mark(rows: 0..<size, columns: 6..<7)
        let centres = Self.alignmentCentres(version: version)
        for row in centres {
            for column in centres {
                let nearFinder =
                    (row == 6 && column == 6) || (row == 6 && column == size - 7)
                    || (row == size - 7 && column == 6)
                if !nearFinder { mark(rows: (row - 2)..<(row + 3), columns: (column - 2)..<(column + 3)) }
            }
        }
        if version >= 7 {
            mark(rows: 0..<6, columns: (size - 11)..<(size - 8))
            mark(rows: (size - 11)..<(size - 8), columns: 0..<6)
        }
        self.size = size
        self.reserved = reserved
    }

    /// Row/column coordinates of alignment pattern centres (ISO/IEC 18004 Annex E); empty for version 1.
    public static func alignmentCentres(version: Int) -> [Int] {
        guard version >= 2, version <= 40 else { return [] }
        let count = version / 7 + 2
        let last = 4 * version + 10
        let step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        var centres = [6]
        for i in 0..<(count - 1) { centres.insert(last - i * step, at: 1) }
        return centres
    }
}
