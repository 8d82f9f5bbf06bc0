import QRSymbol
/// Prepares a screenshot for OCR: QR symbols blanked with the background, dark themes turned dark-on-light.
///
/// Pure and C-free, so it is tested without tesseract.
public enum OCRImagePreparation {
    /// How far past its corners a symbol is blanked, as a fraction of its size on each side: covers the
    /// quiet zone and the card most apps draw around the code.
    public static let blankingMargin = 0.2

    /// The luma to feed tesseract: symbols blanked (each polygon grown by `margin` of its size on each side), and
    /// inverted when the background is dark. `background` is the image's `backgroundLuma`, when the caller has it.
    public static func prepare(
        _ image: GrayImage, blanking polygons: [[Point]], margin: Double = blankingMargin, background: UInt8? = nil
    ) -> [UInt8] {
        let background = background ?? backgroundLuma(image)
        var pixels = image.pixels
        for polygon in polygons where polygon.count >= 3 {
            fill(
                &pixels, width: image.width, height: image.height, polygon: scaled(polygon, by: 1 + 2 * margin),
                with: background)
        }
        if turnsOver(background: background) {
            for index in pixels.indices { pixels[index] = 255 &- pixels[index] }
        }
        return pixels
    }

    /// Fills `box`, grown by `margin`, with the median grey of the ring just outside it: what is not text (a dotted
    /// leader, an icon) vanishes into its own background, whatever the card or chip around it.
    public static func clear(
        _ pixels: inout [UInt8], width: Int, height: Int, box: RecognizedWord.Box, margin: Int
    ) {
        let left = max(0, box.left - margin)
        let top = max(0, box.top - margin)
        let right = min(width, box.right + margin)
        let bottom = min(height, box.bottom + margin)
        guard right > left, bottom > top else { return }
        var ring: [UInt8] = []
        for x in max(0, left - 1)..<min(width, right + 1) {
            if top >= 1 { ring.append(pixels[(top - 1) * width + x]) }
            if bottom < height { ring.append(pixels[bottom * width + x]) }
        }
        for y in top..<bottom {
            if left >= 1 { ring.append(pixels[y * width + left - 1]) }
            if right < width { ring.append(pixels[y * width + right]) }
        }
        guard !ring.isEmpty else { return }
        let fill = ring.sorted()[ring.count / 2]
        for y in top..<bottom {
            for x in left..<right { pixels[y * width + x] = fill }
        }
    }

    /// A background darker than this grey makes a dark theme, turned over for OCR.
    static let darkBelow: UInt8 = 128

    /// Whether `prepare` turns an image with this background over (its commonest grey is dark).
    public static func turnsOver(background: UInt8) -> Bool { background < darkBelow }

    /// The most frequent luma: the screen's background.
    public static func backgroundLuma(_ image: GrayImage) -> UInt8 {
        var histogram = [Int](repeating: 0, count: 256)
        for value in image.pixels { histogram[Int(value)] += 1 }
        var best = 0
        for value in 1..<256 where histogram[value] > histogram[best] { best = value }
        return UInt8(best)
    }

    /// The polygon scaled by `scale` about its centroid.
    public static func scaled(_ polygon: [Point], by scale: Double) -> [Point] {
        let count = Double(max(1, polygon.count))
        let centre = Point(x: polygon.map(\.x).reduce(0, +) / count, y: polygon.map(\.y).reduce(0, +) / count)
        return polygon.map { Point(x: centre.x + ($0.x - centre.x) * scale, y: centre.y + ($0.y - centre.y) * scale) }
    }

    /// Sets every pixel whose centre is inside the polygon (even-odd rule) to `value`.
    static func fill(_ pixels: inout [UInt8], width: Int, height: Int, polygon: [Point], with value: UInt8) {
        let xs = polygon.map(\.x)
        let ys = polygon.map(\.y)
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max(),
            minX.isFinite, maxX.isFinite, minY.isFinite, maxY.isFinite
        else { return }
        let h = Double(height)
        let w = Double(width)
        let top = Int(min(max(minY, 0), h).rounded(.down))
        let bottom = Int(min(max(maxY, -1), h - 1).rounded(.up))
        let left = Int(min(max(minX, 0), w).rounded(.down))
        let right = Int(min(max(maxX, -1), w - 1).rounded(.up))
        guard top <= bottom, left <= right else { return }
        for y in top...bottom {
            let centreY = Double(y) + 0.5
            var crossings: [Double] = []
            for index in polygon.indices {
                let a = polygon[index]
                let b = polygon[(index + 1) % polygon.count]
                guard (a.y <= centreY) != (b.y <= centreY) else { continue }
                crossings.append(a.x + (centreY - a.y) / (b.y - a.y) * (b.x - a.x))
            }
            crossings.sort()
            var pair = 0
            while pair + 1 < crossings.count {
                let from = max(left, Int((crossings[pair] - 0.5).rounded(.up)))
                let to = min(right, Int((crossings[pair + 1] - 0.5).rounded(.down)))
                if from <= to {
                    for x in from...to { pixels[y * width + x] = value }
                }
                pair += 2
            }
        }
    }

    /// A region of the image resampled by `scale` (bilinear), as a new row-major buffer; used to bring glyphs to
    /// the height tesseract reads best.
    public static func resampled(
        _ pixels: [UInt8], width: Int, region: RecognizedWord.Box, scale: Double
    ) -> (pixels: [UInt8], width: Int, height: Int) {
        let height = width > 0 ? pixels.count / width : 0
        let left = max(0, region.left)
        let top = max(0, region.top)
        let right = min(width, region.right)
        let bottom = min(height, region.bottom)
        guard right > left, bottom > top, scale > 0, scale.isFinite else { return ([], 0, 0) }
        let outWidth = max(1, Int((Double(right - left) * scale).rounded()))
        let outHeight = max(1, Int((Double(bottom - top) * scale).rounded()))
        var output = [UInt8](repeating: 255, count: outWidth * outHeight)
        for y in 0..<outHeight {
            let sourceY = min(max((Double(y) + 0.5) / scale - 0.5, 0), Double(bottom - top - 1))
            let y0 = Int(sourceY)
            let y1 = min(y0 + 1, bottom - top - 1)
            let fy = sourceY - Double(y0)
            for x in 0..<outWidth {
                let sourceX = min(max((Double(x) + 0.5) / scale - 0.5, 0), Double(right - left - 1))
                let x0 = Int(sourceX)
                let x1 = min(x0 + 1, right - left - 1)
                let fx = sourceX - Double(x0)
                func at(_ px: Int, _ py: Int) -> Double { Double(pixels[(top + py) * width + left + px]) }
                let value =
                    (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) + (at(x0, y1) * (1 - fx) + at(x1, y1) * fx)
                    * fy
                output[y * outWidth + x] = UInt8(min(255, max(0, value.rounded())))
            }
        }
        return (output, outWidth, outHeight)
    }
}
