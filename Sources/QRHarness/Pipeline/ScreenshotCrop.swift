import QRConformance
import QRConformanceReports
import QRImaging
import QRSymbol

/// Cuts the QR code and its quiet zone out of a screenshot for the HTML report, with the measured geometry.
///
/// The crop spans the symbols plus `margin` modules, subsampled by a whole factor to at most `maxSide` pixels.
/// Unless `revealPersonalData`, the symbol area is pixelated in blocks of 3 modules: a decodable code in the
/// report would carry the unmasked ID number and birth date.
public enum ScreenshotCrop {
    /// Where a symbol is (outer corners TL, BL, BR, TR) and how many modules it has per side, when known.
    public typealias Geometry = (corners: [Point], modules: Int?)

    public static func visual(
        image: GrayImage, symbols: [InspectedSymbol], quietZone: Int = 4, margin: Int = 6, maxSide: Int = 480,
        revealPersonalData: Bool = false
    ) -> ScreenshotVisual? {
        let geometry: [Geometry] = symbols.map { symbol in
            if case .success(let m) = symbol.measurement { return (m.corners, 17 + 4 * m.version) }
            return (symbol.scanned.corners, nil)
        }
        return visual(
            image: image, geometry: geometry, quietZone: quietZone, margin: margin, maxSide: maxSide,
            revealPersonalData: revealPersonalData)
    }

    static func visual(
        image: GrayImage, geometry: [Geometry], quietZone: Int, margin: Int, maxSide: Int, revealPersonalData: Bool
    ) -> ScreenshotVisual? {
        let points = geometry.flatMap(\.corners)
        guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(), let minY = points.map(\.y).min(),
            let maxY = points.map(\.y).max()
        else { return nil }
        let pitch = geometry.compactMap { g in g.modules.map { (maxX - minX) / Double($0) } }.first ?? 8
        let pad = pitch * Double(margin)
        guard [minX, maxX, minY, maxY, pad].allSatisfy(\.isFinite) else { return nil }
        let w = Double(image.width)
        let h = Double(image.height)
        let left = Int(min(max(minX - pad, 0), w).rounded(.down))
        let right = Int(min(max(maxX + pad, 0), w).rounded(.up))
        let top = Int(min(max(minY - pad, 0), h).rounded(.down))
        let bottom = Int(min(max(maxY + pad, 0), h).rounded(.up))
        guard right > left, bottom > top else { return nil }
        let step = max(1, (max(right - left, bottom - top) + maxSide - 1) / maxSide)
        let width = (right - left + step - 1) / step
        let height = (bottom - top + step - 1) / step
        var pixels = [UInt8](repeating: 255, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                pixels[y * width + x] = image.luma(x: left + x * step, y: top + y * step) ?? 255
            }
        }
        let scale = 1 / Double(step)
        if !revealPersonalData {
            for g in geometry {
                let xs = g.corners.map { ($0.x - Double(left)) * scale }
                let ys = g.corners.map { ($0.y - Double(top)) * scale }
                guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { continue }
                let block = max(2, Int(min(3 * pitch * scale, 1_000)))
                pixelate(
                    &pixels, width: width, height: height, x: Int(x0), y: Int(y0), to: Int(x1.rounded(.up)),
                    Int(y1.rounded(.up)), block: block)
            }
        }
        guard let crop = GrayImage(width: width, height: height, pixels: pixels),
            let png = try? PNGEncoder.encode(crop)
        else { return nil }
        let overlays = geometry.map { g in
            SymbolOverlay(
                corners: g.corners.map { Point(x: ($0.x - Double(left)) * scale, y: ($0.y - Double(top)) * scale) },
                modules: g.modules, quietZone: quietZone)
        }
        return ScreenshotVisual(png: png, width: width, height: height, symbols: overlays)
    }

    /// Replaces each `block`×`block` square of the rectangle by its mean, so the modules cannot be read back.
    static func pixelate(
        _ pixels: inout [UInt8], width: Int, height: Int, x: Int, y: Int, to right: Int, _ bottom: Int, block: Int
    ) {
        let x0 = clamp(x, width)
        let y0 = clamp(y, height)
        let x1 = clamp(right, width)
        let y1 = clamp(bottom, height)
        for by in stride(from: y0, to: y1, by: block) {
            for bx in stride(from: x0, to: x1, by: block) {
                let ys = by..<min(by + block, y1)
                let xs = bx..<min(bx + block, x1)
                var sum = 0
                for yy in ys { for xx in xs { sum += Int(pixels[yy * width + xx]) } }
                let mean = UInt8(sum / max(1, ys.count * xs.count))
                for yy in ys { for xx in xs { pixels[yy * width + xx] = mean } }
            }
        }
    }

    private static func clamp(_ value: Int, _ limit: Int) -> Int { min(max(value, 0), limit) }
}
