/// An 8-bit luma image (0 = black, 255 = white), row-major, with the pixel density when the file gave one.
///
/// This is the only image type the pure reader sees; loading it from a file is `QRImaging`'s job.
public struct GrayImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// `width * height` luma samples, row by row.
    public let pixels: [UInt8]
    /// Pixels per inch from the PNG pHYs chunk, when it was present and in metres.
    public let pixelsPerInch: Double?

    /// Returns nil when the pixel count does not match the dimensions.
    public init?(width: Int, height: Int, pixels: [UInt8], pixelsPerInch: Double? = nil) {
        guard width > 0, height > 0 else { return nil }
        let (count, overflow) = width.multipliedReportingOverflow(by: height)
        guard !overflow, count == pixels.count else { return nil }
        self.width = width
        self.height = height
        self.pixels = pixels
        self.pixelsPerInch = pixelsPerInch
    }

    /// The luma at (x, y), or nil outside the image.
    @inlinable
    public func luma(x: Int, y: Int) -> UInt8? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        return pixels[y &* width &+ x]
    }

    /// The same image with every sample inverted (255 - value); used to find light-on-dark codes.
    public func inverted() -> GrayImage {
        GrayImage(uncheckedWidth: width, height: height, pixels: pixels.map { 255 &- $0 }, pixelsPerInch: pixelsPerInch)
    }

    init(uncheckedWidth width: Int, height: Int, pixels: [UInt8], pixelsPerInch: Double?) {
        self.width = width
        self.height = height
        self.pixels = pixels
        self.pixelsPerInch = pixelsPerInch
    }
}
