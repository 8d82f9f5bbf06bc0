import QRSymbol

/// The robustness ladder a symbol is put through: families of camera rungs, mildest first, and the checkpoint rung.
///
/// Built from the spec (rule SYM-019's parameters); the Swift code holds no threshold of its own. Two units exist:
/// `millimetre` when the screen's pixel density is known (a camera pixel covers a fixed area of screen), `module`
/// when it is not (resolution in camera pixels per module, so a margin can still be given).
public struct ScannabilityLadder: Sendable, Equatable, Codable {
    public enum Unit: String, Sendable, Equatable, Codable {
        case millimetre = "mm"
        case module
    }

    public var unit: Unit
    public var families: [CameraFamily]
    /// Nil in the module-relative ladder: the checkpoint camera is a physical one.
    public var checkpoint: CameraRung?
    /// The noise generator's base seed.
    public var seed: UInt64
    /// Light margin cut around the symbol, in modules.
    public var marginModules: Double

    public init(
        unit: Unit, families: [CameraFamily], checkpoint: CameraRung?, seed: UInt64, marginModules: Double
    ) {
        self.unit = unit
        self.families = families
        self.checkpoint = checkpoint
        self.seed = seed
        self.marginModules = marginModules
    }

    /// Every rung in ladder order: the families in order, each mildest first, then the checkpoint.
    public var rungs: [CameraRung] {
        families.flatMap(\.rungs) + (checkpoint.map { [$0] } ?? [])
    }
}
