import QRSymbol

/// Where a symbol's crop was cut and how the ladder scales it, in the report so that anyone can cut the same crop
/// from the screenshot and reproduce every rung with other software (the spec's README, "The crop").
public struct CropGeometry: Sendable, Equatable, Codable {
    /// The crop's top-left pixel in the screenshot, and its size.
    public let left: Int
    public let top: Int
    public let width: Int
    public let height: Int
    /// The symbol's outer corners in crop pixels (the glare rung is placed from them).
    public let corners: [Point]
    /// Screen pixels per module: the resampling unit of the module-relative ladder.
    public let modulePixels: Double
    /// Whether the crop was inverted (a light-on-dark symbol).
    public let inverted: Bool

    public init(left: Int, top: Int, width: Int, height: Int, corners: [Point], modulePixels: Double, inverted: Bool) {
        self.left = left
        self.top = top
        self.width = width
        self.height = height
        self.corners = corners
        self.modulePixels = modulePixels
        self.inverted = inverted
    }
}
