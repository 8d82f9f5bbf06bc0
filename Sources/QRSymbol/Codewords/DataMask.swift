/// The eight data-mask patterns of ISO/IEC 18004 Table 10, applied to data modules only.
public enum DataMask {
    /// Whether mask `pattern` (0…7) inverts the module at (row, column); false for an unknown pattern.
    @inline(__always)
    public static func inverts(pattern: Int, row i: Int, column j: Int) -> Bool {
        switch pattern {
        case 0: (i + j) % 2 == 0
        case 1: i % 2 == 0
        case 2: j % 3 == 0
        case 3: (i + j) % 3 == 0
        case 4: (i / 2 + j / 3) % 2 == 0
        case 5: (i * j) % 2 + (i * j) % 3 == 0
        case 6: ((i * j) % 2 + (i * j) % 3) % 2 == 0
        case 7: ((i + j) % 2 + (i * j) % 3) % 2 == 0
        default: false
        }
    }
}
