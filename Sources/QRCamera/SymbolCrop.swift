import QRSymbol

/// The symbol and its margin cut out of a screenshot: what the ladder degrades, so it never works on the whole
/// screen (a camera pointed at the code sees the code).
///
/// The crop is the corners' bounding box grown by `marginModules` modules on every side, left and top rounded down,
/// right and bottom up; pixels outside the screenshot are light (255). A light-on-dark symbol is inverted, so the
/// ladder judges how its modules survive and SYM-014 alone judges its polarity.
public struct SymbolCrop: Sendable, Equatable {
    public let image: GrayImage
    /// The symbol's outer corners in crop pixels.
    public let corners: [Point]
    /// Screen pixels per module.
    public let modulePixels: Double
    /// Screen pixels per millimetre, when the pixel density is known.
    public let screenPixelsPerMillimetre: Double?
    /// Where the crop was cut, for the report.
    public let geometry: CropGeometry

    /// The largest crop side, in pixels: a bigger one means a wrong geometry, not a code.
    public static let maximumSide = 8_192

    public init?(
        cutting screen: GrayImage, corners: [Point], modulePixels: Double, invert: Bool, marginModules: Double,
        screenPixelsPerMillimetre: Double?
    ) {
        guard corners.count == 4, modulePixels.isFinite, modulePixels > 0, marginModules.isFinite, marginModules >= 0
        else { return nil }
        let xs = corners.map(\.x)
        let ys = corners.map(\.y)
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return nil }
        let pad = marginModules * modulePixels
        let bounds = [minX - pad, minY - pad, maxX + pad, maxY + pad]
        guard bounds.allSatisfy({ $0.isFinite && abs($0) < Double(Self.maximumSide) * 4 }) else { return nil }
        let left = Int(bounds[0].rounded(.down))
        let top = Int(bounds[1].rounded(.down))
        let width = Int(bounds[2].rounded(.up)) - left
        let height = Int(bounds[3].rounded(.up)) - top
        guard width > 0, height > 0, width <= Self.maximumSide, height <= Self.maximumSide else { return nil }
        var pixels = [UInt8](repeating: 255, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let value = screen.luma(x: left + x, y: top + y) ?? (invert ? 0 : 255)
                pixels[y * width + x] = invert ? 255 - value : value
            }
        }
        guard let image = GrayImage(width: width, height: height, pixels: pixels) else { return nil }
        self.image = image
        self.corners = corners.map { Point(x: $0.x - Double(left), y: $0.y - Double(top)) }
        self.modulePixels = modulePixels
        self.screenPixelsPerMillimetre = screenPixelsPerMillimetre
        geometry = CropGeometry(
            left: left, top: top, width: width, height: height, corners: self.corners, modulePixels: modulePixels,
            inverted: invert)
    }
}
