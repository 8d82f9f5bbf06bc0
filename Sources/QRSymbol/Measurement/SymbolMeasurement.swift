/// What the pixel measurement learned about one QR symbol: version, format, geometry, quiet zone, contrast.
///
/// Encodes to JSON with snake_case keys; `modules` is encoded compactly (size plus packed-bit hex).
public struct SymbolMeasurement: Sendable, Equatable, Codable {
    /// The version from the geometry fit (1–40); `versionSources` says whether the version blocks agree.
    public var version: Int
    public var versionSources: VersionSources
    /// EC level from the format information, nil when neither copy decodes (never a guess).
    public var ecLevel: ErrorCorrectionLevel?
    /// Data mask pattern 0–7 from the format information, nil when neither copy decodes.
    public var mask: Int?
    /// Decode of each format copy (copy 0 around the top-left finder, copy 1 split), nil when unreadable.
    public var formatCopies: [FormatCopy?]
    public var formatCopiesAgree: FormatAgreement
    public var modulePx: ModulePitch
    /// Horizontal over vertical module pitch (1 for square modules).
    public var square: Double
    public var rendering: Rendering
    public var quietZoneModules: QuietZone
    public var contrast: Contrast
    public var polarity: Polarity
    /// Clockwise angle of the symbol's top edge (TL→TR) in image coordinates, 0 ≤ angle < 360.
    public var rotationDegrees: Double
    /// Symbol side length in pixels (mean of the four refined sides).
    public var sizePx: Double
    /// Refined outer symbol corners TL, BL, BR, TR in continuous pixel coordinates.
    public var corners: [Point]
    /// Module centres sampled on the fitted grid, true = dark, in symbol orientation.
    public var modules: ModuleMatrix

    enum CodingKeys: String, CodingKey {
        case version, mask, square, rendering, contrast, polarity, corners, modules
        case versionSources = "version_sources"
        case ecLevel = "ec_level"
        case formatCopies = "format_copies"
        case formatCopiesAgree = "format_copies_agree"
        case modulePx = "module_px"
        case quietZoneModules = "quiet_zone_modules"
        case rotationDegrees = "rotation_degrees"
        case sizePx = "size_px"
    }

    /// Encodes every key, writing `null` (not omitting the key) for an unreadable EC level or mask.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .version)
        try c.encode(versionSources, forKey: .versionSources)
        try c.encode(ecLevel, forKey: .ecLevel)
        try c.encode(mask, forKey: .mask)
        try c.encode(formatCopies, forKey: .formatCopies)
        try c.encode(formatCopiesAgree, forKey: .formatCopiesAgree)
        try c.encode(modulePx, forKey: .modulePx)
        try c.encode(square, forKey: .square)
        try c.encode(rendering, forKey: .rendering)
        try c.encode(quietZoneModules, forKey: .quietZoneModules)
        try c.encode(contrast, forKey: .contrast)
        try c.encode(polarity, forKey: .polarity)
        try c.encode(rotationDegrees, forKey: .rotationDegrees)
        try c.encode(sizePx, forKey: .sizePx)
        try c.encode(corners, forKey: .corners)
        try c.encode(modules, forKey: .modules)
    }

    /// Where the version came from: the grid fit and the two 18-bit version blocks (v ≥ 7 only).
    public struct VersionSources: Sendable, Equatable, Codable {
        public var geometry: Int
        /// Block 0 above-left of the top-right finder, block 1 above-right of the bottom-left finder;
        /// empty below version 7; nil entries are blocks more than 3 bits from any valid word.
        public var infoBlocks: [Int?]
        /// True when every readable block equals the geometry version (and one is readable, for v ≥ 7).
        public var agree: Bool

        enum CodingKeys: String, CodingKey {
            case geometry, agree
            case infoBlocks = "info_blocks"
        }
    }

    /// One decoded 15-bit format copy.
    public struct FormatCopy: Sendable, Equatable, Codable {
        public var ecLevel: ErrorCorrectionLevel
        public var mask: Int
        /// Hamming distance to the nearest valid format word (0–3).
        public var bitErrors: Int

        enum CodingKeys: String, CodingKey {
            case mask
            case ecLevel = "ec_level"
            case bitErrors = "bit_errors"
        }
    }

    /// How the two format copies relate.
    public enum FormatAgreement: String, Sendable, Equatable, Codable, CaseIterable {
        case bothAgree = "both-agree"
        case onlyFirstReadable = "only-first-readable"
        case onlySecondReadable = "only-second-readable"
        case disagree
        case unreadable
    }

    /// Module pitch in pixels along the symbol's own axes, with the extremes over the four sides.
    public struct ModulePitch: Sendable, Equatable, Codable {
        public var x: Double
        public var y: Double
        public var min: Double
        public var max: Double

        public init(x: Double, y: Double, min: Double, max: Double) {
            self.x = x
            self.y = y
            self.min = min
            self.max = max
        }
    }

    /// Whether the symbol was drawn with whole-pixel modules and hard edges or resampled (scaled, rotated, blurred).
    public enum Rendering: String, Sendable, Equatable, Codable, CaseIterable {
        case integerHardEdges = "integer-hard-edges"
        case resampled
    }

    /// Whole light module rings outside the symbol, per side of the IMAGE (not of the symbol), capped at 10.
    public struct QuietZone: Sendable, Equatable, Codable {
        public var top: Int
        public var right: Int
        public var bottom: Int
        public var left: Int

        public init(top: Int, right: Int, bottom: Int, left: Int) {
            self.top = top
            self.right = right
            self.bottom = bottom
            self.left = left
        }
    }

    /// Contrast of the sampled module centres on a 0–1 scale.
    public struct Contrast: Sendable, Equatable, Codable {
        /// Mean light-module luma minus mean dark-module luma, over 255 (like ISO/IEC 15415 symbol contrast).
        public var symbolContrast: Double
        /// Fraction of module centres within 10 % of the dark–light range of the threshold (fragile reads).
        public var nearThresholdFraction: Double

        enum CodingKeys: String, CodingKey {
            case symbolContrast = "symbol_contrast"
            case nearThresholdFraction = "near_threshold_fraction"
        }
    }
}
