import QRConformanceReports
import QRImaging
import QRSymbol

/// Cuts the QR code and its quiet zone out of a screenshot for the HTML report, with the measured geometry.
///
/// The crop spans the symbols plus `margin` modules, subsampled by a whole factor to at most `maxSide` pixels.
public enum ScreenshotCrop {
    public static func visual(
        image: GrayImage, symbols: [InspectedSymbol], quietZone: Int = 4, margin: Int = 6, maxSide: Int = 480
    ) -> ScreenshotVisual? {
        let geometry: [(corners: [Point], modules: Int?)] = symbols.map { symbol in
            if case .success(let m) = symbol.measurement { return (m.corners, 17 + 4 * m.version) }
            return (symbol.scanned.corners, nil)
        }
        let points = geometry.flatMap(\.corners)
        guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(), let minY = points.map(\.y).min(),
            let maxY = points.map(\.y).max()
        else { return nil }
        let pitch = geometry.compactMap { g in g.modules.map { (maxX - minX) / Double($0) } }.first ?? 8
        let pad = pitch * Double(margin)
        let left = clamp(Int((minX - pad).rounded(.down)), image.width), right = clamp(Int((maxX + pad).rounded(.up)), image.width)
        let top = clamp(Int((minY - pad).rounded(.down)), image.height), bottom = clamp(Int((maxY + pad).rounded(.up)), image.height)
        guard right > left, bottom > top else { return nil }
        let step = max(1, (max(right - left, bottom - top) + maxSide - 1) / maxSide)
        let width = (right - left + step - 1) / step, height = (bottom - top + step - 1) / step
        var pixels = [UInt8](repeating: 255, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                pixels[y * width + x] = image.luma(x: left + x * step, y: top + y * step) ?? 255
            }
        }
        guard let crop = GrayImage(width: width, height: height, pixels: pixels),
            let png = try? PNGEncoder.encode(crop)
        else { return nil }
        let scale = 1 / Double(step)
        let overlays = geometry.map { g in
            SymbolOverlay(
                corners: g.corners.map { Point(x: ($0.x - Double(left)) * scale, y: ($0.y - Double(top)) * scale) },
                modules: g.modules, quietZone: quietZone)
        }
        return ScreenshotVisual(png: png, width: width, height: height, symbols: overlays)
    }

    private static func clamp(_ value: Int, _ limit: Int) -> Int { min(max(value, 0), limit) }
}
