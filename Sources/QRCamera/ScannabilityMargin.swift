import QRSymbol

/// What one decoder made of one camera image: the exact payload, nothing, or other bytes (a misread).
public enum DecoderOutcome: String, Sendable, Equatable, Codable {
    case read
    case unread
    /// Bytes other than the payload: never counted as a read, always reported.
    case misread
}

/// Both decoders' outcome on one rung; the rung passes only when both read the exact payload.
public struct RungOutcome: Sendable, Equatable, Codable {
    public let family: String
    public let label: String
    public let zbar: DecoderOutcome
    public let zxing: DecoderOutcome

    public init(family: String, label: String, zbar: DecoderOutcome, zxing: DecoderOutcome) {
        self.family = family
        self.label = label
        self.zbar = zbar
        self.zxing = zxing
    }

    public var passed: Bool { zbar == .read && zxing == .read }
}

/// One family's margin: how many of its rungs, mildest first, the code survived before the first it did not.
public struct FamilyMargin: Sendable, Equatable, Codable {
    public let family: String
    /// Rungs passed before the first failure (0 = even the mildest failed).
    public let passed: Int
    public let rungs: Int
    /// The label of the last rung passed; nil when none was.
    public let highest: String?

    public init(family: String, passed: Int, rungs: Int, highest: String?) {
        self.family = family
        self.passed = passed
        self.rungs = rungs
        self.highest = highest
    }
}

/// A symbol's margin on one ladder: per family the highest rung passed, the checkpoint, and each decoder's first
/// failure and misreads.
public struct ScannabilityMargin: Sendable, Equatable, Codable {
    public let unit: ScannabilityLadder.Unit
    public let families: [FamilyMargin]
    /// Nil on the module-relative ladder, which has no checkpoint.
    public let checkpoint: RungOutcome?
    /// The first rung, in ladder order, where each decoder did not read the payload; nil when it read every rung run.
    public let zbarFirstFailure: String?
    public let zxingFirstFailure: String?
    /// Every rung where a decoder returned other bytes.
    public let misreads: [RungOutcome]
    /// Every rung run, in ladder order (a family stops at its first failed rung unless run exhaustively).
    public let outcomes: [RungOutcome]
    /// The crop the rungs degraded; nil only in hand-built margins (tests).
    public var crop: CropGeometry?

    public init(
        unit: ScannabilityLadder.Unit, families: [FamilyMargin], checkpoint: RungOutcome?, outcomes: [RungOutcome],
        crop: CropGeometry? = nil
    ) {
        self.crop = crop
        self.unit = unit
        self.families = families
        self.checkpoint = checkpoint
        self.outcomes = outcomes
        zbarFirstFailure = outcomes.first { $0.zbar != .read }?.label
        zxingFirstFailure = outcomes.first { $0.zxing != .read }?.label
        misreads = outcomes.filter { $0.zbar == .misread || $0.zxing == .misread }
    }

    /// Rungs passed over all families: one number to compare two renderings of the same code by.
    public var totalPassed: Int { families.reduce(0) { $0 + $1.passed } }
}
