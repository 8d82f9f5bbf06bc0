/// An axis-aligned rectangle of whole pixels: the region of an image to crop or scan.
public struct PixelRect: Sendable, Equatable, Hashable {
    public let x: Int
    public let y: Int
    public let width: Int
    public let height: Int

    /// Nil when the rectangle is empty, starts at a negative coordinate or its far edge overflows.
    public init?(x: Int, y: Int, width: Int, height: Int) {
        guard x >= 0, y >= 0, width > 0, height > 0 else { return nil }
        guard !x.addingReportingOverflow(width).overflow, !y.addingReportingOverflow(height).overflow else {
            return nil
        }
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The rectangle around `points` scaled by `scale`, grown by `margin` pixels on every side and clamped to an
    /// image of `imageWidth` × `imageHeight`; nil when a point is not finite or nothing of it lies in the image.
    ///
    /// Points come from a decoder (zbar's corners of a code found at low resolution), so they are not trusted:
    /// everything is clamped in floating point before it becomes an integer, and no arithmetic can trap.
    ///
    /// ```swift
    /// PixelRect.enclosing([Point(x: 10, y: 10), Point(x: 20, y: 30)], scale: 2, margin: 4,
    ///                     imageWidth: 100, imageHeight: 100)  // x 16, y 16, width 28, height 48
    /// ```
    public static func enclosing(
        _ points: [Point], scale: Double, margin: Double, imageWidth: Int, imageHeight: Int
    ) -> PixelRect? {
        guard !points.isEmpty, scale.isFinite, scale > 0, margin.isFinite, margin >= 0,
            imageWidth > 0, imageHeight > 0,
            points.allSatisfy({ $0.x.isFinite && $0.y.isFinite })
        else { return nil }
        let xs = points.map { $0.x * scale }
        let ys = points.map { $0.y * scale }
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return nil }
        let left = clamp((minX - margin).rounded(.down), to: imageWidth)
        let right = clamp((maxX + margin).rounded(.up), to: imageWidth)
        let top = clamp((minY - margin).rounded(.down), to: imageHeight)
        let bottom = clamp((maxY + margin).rounded(.up), to: imageHeight)
        return PixelRect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// `value` limited to 0...limit and made an integer (NaN and ±infinity cannot reach here: checked above,
    /// and the scaled values stay finite or become ±infinity, which clamps).
    private static func clamp(_ value: Double, to limit: Int) -> Int {
        guard value > 0 else { return 0 }
        guard value < Double(limit) else { return limit }
        return Int(value)
    }
}
