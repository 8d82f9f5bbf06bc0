/// Reads polarity-adjusted luma (0 = dark in the symbol's sense, 255 = light) at continuous pixel positions.
///
/// Pixel (i, j) covers [i, i+1) × [j, j+1), so its centre is (i + 0.5, j + 0.5); values are bilinear.
struct LumaSampler: Sendable {
    let image: GrayImage
    let inverted: Bool

    init(image: GrayImage, polarity: Polarity) {
        self.image = image
        self.inverted = polarity == .lightOnDark
    }

    /// Bilinear luma at (x, y), or nil outside the image.
    func luma(_ x: Double, _ y: Double) -> Double? {
        let w = Double(image.width)
        let h = Double(image.height)
        guard x.isFinite, y.isFinite, x >= 0, y >= 0, x <= w, y <= h else { return nil }
        let fx = min(max(x - 0.5, 0), w - 1)
        let fy = min(max(y - 0.5, 0), h - 1)
        let x0 = Int(fx)
        let y0 = Int(fy)
        let x1 = min(x0 + 1, image.width - 1)
        let y1 = min(y0 + 1, image.height - 1)
        let tx = fx - Double(x0)
        let ty = fy - Double(y0)
        let p = image.pixels
        let row0 = y0 * image.width
        let row1 = y1 * image.width
        let top = Double(p[row0 + x0]) * (1 - tx) + Double(p[row0 + x1]) * tx
        let bottom = Double(p[row1 + x0]) * (1 - tx) + Double(p[row1 + x1]) * tx
        let value = top * (1 - ty) + bottom * ty
        return inverted ? 255 - value : value
    }

    /// Luma of the pixel containing (x, y) with no interpolation, or nil outside the image.
    func pixel(_ x: Double, _ y: Double) -> Double? {
        guard x.isFinite, y.isFinite, x >= 0, y >= 0, x < Double(image.width), y < Double(image.height) else {
            return nil
        }
        let value = Double(image.pixels[Int(y) * image.width + Int(x)])
        return inverted ? 255 - value : value
    }

    /// Luma at a point, or nil outside the image.
    func luma(_ point: Point) -> Double? { luma(point.x, point.y) }
}
