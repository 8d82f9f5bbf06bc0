/// Alignment pattern centre rows/columns per version (ISO/IEC 18004 Annex E), for scoring a candidate grid.
enum AlignmentPatternTable {
    /// Row/column indices of alignment centres; empty for version 1 or out-of-range versions.
    static func coordinates(version: Int) -> [Int] {
        guard version >= 2, version <= 40 else { return [] }
        let size = 17 + 4 * version
        let count = version / 7 + 2
        let step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (2 * count - 2) * 2
        var result = [6]
        var position = size - 7
        var tail: [Int] = []
        for _ in 1..<count {
            tail.append(position)
            position -= step
        }
        result.append(contentsOf: tail.reversed())
        return result
    }

    /// Alignment centres (row, column) that do not overlap a finder pattern.
    static func centres(version: Int) -> [(row: Int, column: Int)] {
        let coords = coordinates(version: version)
        guard let last = coords.last else { return [] }
        var result: [(row: Int, column: Int)] = []
        for r in coords {
            for c in coords {
                let overlapsFinder = (r == 6 && c == 6) || (r == 6 && c == last) || (r == last && c == 6)
                if !overlapsFinder { result.append((r, c)) }
            }
        }
        return result
    }
}
