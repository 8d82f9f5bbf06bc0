/// The order in which codeword bits occupy data modules (ISO/IEC 18004 7.7.3).
public enum CodewordPlacement {
    /// Module indices (`row * size + column`) of every data module in placement order: two-column strips
    /// from the right edge, alternately upwards and downwards, skipping the vertical timing column.
    /// Bit 7 of codeword 0 sits at element 0; trailing elements past the last codeword are remainder bits.
    public static func modulePositions(version: Int) -> [Int] {
        guard let map = FunctionPatternMap(version: version) else { return [] }
        let size = map.size
        var positions: [Int] = []
        positions.reserveCapacity(size * size)
        var right = size - 1
        var upward = true
        while right >= 1 {
            if right == 6 { right = 5 }
            for step in 0..<size {
                let row = upward ? size - 1 - step : step
                for offset in 0..<2 where !map.reserved[row * size + right - offset] {
                    positions.append(row * size + right - offset)
                }
            }
            upward.toggle()
            right -= 2
        }
        return positions
    }
}
