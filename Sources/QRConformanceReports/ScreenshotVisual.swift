import Foundation
import QRSymbol

/// A crop of a screenshot around its QR code, as PNG, with what was measured drawn on top in the HTML report.
public struct ScreenshotVisual: Sendable, Equatable, Codable {
    /// The crop as PNG bytes (inlined as a `data:` URI).
    public let png: [UInt8]
    public let width: Int
    public let height: Int
    public let symbols: [SymbolOverlay]
    /// The screen regions inconclusive display rules could not read, for a reviewer.
    public var regionCrops: [RegionCrop]
    /// What the scannability ladder's checkpoint camera saw of each symbol (empty when the ladder did not run).
    public var checkpoints: [CheckpointView] = []

    public init(png: [UInt8], width: Int, height: Int, symbols: [SymbolOverlay], regionCrops: [RegionCrop] = []) {
        self.png = png
        self.width = width
        self.height = height
        self.symbols = symbols
        self.regionCrops = regionCrops
    }

    private enum CodingKeys: String, CodingKey {
        case png, width, height, symbols, checkpoints
        case regionCrops = "region_crops"
    }

    /// The PNG travels as base64 (`Data`'s JSON form), not as an array of numbers.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        png = [UInt8](try c.decode(Data.self, forKey: .png))
        width = try c.decode(Int.self, forKey: .width)
        height = try c.decode(Int.self, forKey: .height)
        symbols = try c.decode([SymbolOverlay].self, forKey: .symbols)
        regionCrops = try c.decodeIfPresent([RegionCrop].self, forKey: .regionCrops) ?? []
        checkpoints = try c.decodeIfPresent([CheckpointView].self, forKey: .checkpoints) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Data(png), forKey: .png)
        try c.encode(width, forKey: .width)
        try c.encode(height, forKey: .height)
        try c.encode(symbols, forKey: .symbols)
        if !regionCrops.isEmpty { try c.encode(regionCrops, forKey: .regionCrops) }
        try c.encode(checkpoints, forKey: .checkpoints)
    }
}

/// One symbol's geometry in crop pixels: its outer corners, modules per side and the required quiet zone.
public struct SymbolOverlay: Sendable, Equatable, Codable {
    /// Outer symbol corners TL, BL, BR, TR (quiet zone excluded).
    public let corners: [Point]
    /// Modules per side (17 + 4 × version); nil when the version is unknown (no grid is drawn).
    public let modules: Int?
    /// The quiet zone width to draw around the symbol, in modules.
    public let quietZone: Int

    public init(corners: [Point], modules: Int?, quietZone: Int) {
        self.corners = corners
        self.modules = modules
        self.quietZone = quietZone
    }

    /// The pixel position of module coordinates (u, v), mapping the unit square bilinearly onto the corners.
    func point(u: Double, v: Double, side: Double) -> Point? {
        guard corners.count == 4, side > 0 else { return nil }
        let s = u / side
        let t = v / side
        let tl = corners[0]
        let bl = corners[1]
        let br = corners[2]
        let tr = corners[3]
        let x = (1 - s) * (1 - t) * tl.x + s * (1 - t) * tr.x + s * t * br.x + (1 - s) * t * bl.x
        let y = (1 - s) * (1 - t) * tl.y + s * (1 - t) * tr.y + s * t * br.y + (1 - s) * t * bl.y
        return Point(x: x, y: y)
    }

    /// SVG elements: quiet-zone band, module grid, symbol outline.
    func svg() -> String {
        guard corners.count == 4 else { return "" }
        let side = Double(modules ?? 1)
        let q = modules == nil ? 0 : Double(quietZone)
        func quad(_ low: Double, _ high: Double) -> String {
            let points = [(low, low), (low, high), (high, high), (high, low)].compactMap {
                point(u: $0.0, v: $0.1, side: side)
            }
            return "M" + points.map(Self.coordinates).joined(separator: " L") + " Z"
        }
        var parts: [String] = []
        if q > 0 {
            parts.append("<path class=\"qz\" fill-rule=\"evenodd\" d=\"\(quad(-q, side + q)) \(quad(0, side))\"/>")
        }
        if let modules, modules > 0 {
            var lines = ""
            for i in 1..<modules {
                let k = Double(i)
                for (a, b) in [((k, 0.0), (k, side)), ((0.0, k), (side, k))] {
                    if let p = point(u: a.0, v: a.1, side: side), let r = point(u: b.0, v: b.1, side: side) {
                        lines += "M\(Self.coordinates(p)) L\(Self.coordinates(r)) "
                    }
                }
            }
            parts.append("<path class=\"grid\" d=\"\(lines)\"/>")
        }
        parts.append("<path class=\"outline\" d=\"\(quad(0, side))\"/>")
        return parts.joined(separator: "\n")
    }

    static func coordinates(_ point: Point) -> String {
        "\(Rounding.twoDecimals(point.x)),\(Rounding.twoDecimals(point.y))"
    }
}
