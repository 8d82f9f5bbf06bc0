/// Alignment pattern centre rows/columns per version (ISO/IEC 18004 Annex E), for scoring a candidate grid.
enum AlignmentPatternTable {
    /// Row/column indices of alignment centres; empty for version 1 or out-of-range versions.
    static func coordinates(version: Int) -> [Int] {
        FunctionPatternMap.alignmentCentres(version: version)
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
