/// A square grid of QR modules as sampled from an image, `true` = dark, in symbol orientation
/// (row 0 is the top edge, where the two upper finder patterns sit).
public struct ModuleMatrix: Sendable, Equatable {
    /// Modules per side: 17 + 4 × version.
    public let size: Int
    /// `size * size` modules, row by row.
    public let modules: [Bool]

    public init?(size: Int, modules: [Bool]) {
        guard size >= 21, size <= 177, (size - 17) % 4 == 0, modules.count == size * size else { return nil }
        self.size = size
        self.modules = modules
    }

    /// The version this size implies.
    public var version: Int { (size - 17) / 4 }

    /// Dark module at (row, column); false outside the grid.
    @inlinable
    public subscript(row: Int, column: Int) -> Bool {
        guard row >= 0, column >= 0, row < size, column < size else { return false }
        return modules[row &* size &+ column]
    }
}
