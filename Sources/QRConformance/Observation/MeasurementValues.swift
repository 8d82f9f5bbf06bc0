import QRSymbol

/// Whether the two format information copies of a symbol could be read and agree.
public enum FormatCopiesAgreement: String, Sendable, Equatable, Codable, CaseIterable {
    case bothAgree = "both-agree"
    case onlyFirstReadable = "only-first-readable"
    case onlySecondReadable = "only-second-readable"
    case disagree
    case unreadable
}

/// How the symbol was drawn: whole pixels per module with hard edges, or resampled (blurred, grey edges).
public enum Rendering: String, Sendable, Equatable, Codable, CaseIterable {
    case integerHardEdges = "integer-hard-edges"
    case resampled
}

/// A QR segment mode (ISO/IEC 18004 mode indicators), as read from the codewords.
public enum SegmentMode: String, Sendable, Equatable, Codable, CaseIterable {
    case numeric, alphanumeric, byte, kanji, hanzi, eci
    case structuredAppend = "structured-append"
    case fnc1First = "fnc1-first"
    case fnc1Second = "fnc1-second"
}

/// Module pitch in pixels along each symbol axis, and the smallest and largest pitch seen.
public struct ModulePitch: Sendable, Equatable, Codable {
    public let x: Double
    public let y: Double
    public let min: Double
    public let max: Double

    public init(x: Double, y: Double, min: Double, max: Double) {
        self.x = x
        self.y = y
        self.min = min
        self.max = max
    }
}

/// Light modules around the symbol on each side, in the symbol's own orientation.
public struct QuietZone: Sendable, Equatable, Codable {
    public let top: Int
    public let right: Int
    public let bottom: Int
    public let left: Int

    public init(top: Int, right: Int, bottom: Int, left: Int) {
        self.top = top
        self.right = right
        self.bottom = bottom
        self.left = left
    }
}
