import QRSymbol

/// Finds codes cheaply on a half-resolution copy of the image, then reads each one at full resolution in a crop
/// around it, for its exact bytes and corners; falls back to full-resolution passes over the whole image
/// whenever the cheap pass finds nothing or a crop does not read back the same code.
///
/// Most of a screenshot is UI, not code, and zbar's cost grows with the pixels it scans: the locating passes
/// see a quarter of them (less the flat parts, see `ContentRegions`), the crops only the codes. Pure: the zbar passes are injected, so the strategy is
/// tested without C.
///
/// ```swift
/// let scan = TwoStageScan(pass: { image, polarity, density in zbarPass(image, polarity, density) })
/// let symbols = scan.scan(image)  // what `fullResolution` finds, in full-resolution coordinates
/// ```
struct TwoStageScan {
    /// One zbar pass: the image as is (`darkOnLight`) or inverted (`lightOnDark`), every `density`-th line.
    typealias Pass = (_ image: GrayImage, _ polarity: Polarity, _ density: Int) -> [ScannedSymbol]

    /// Each axis shrinks by this factor (every 2nd pixel of every 2nd row) for the locating passes: a 4 px module
    /// (the smallest the spec accepts) is still 2 hard-edged pixels, where zbar read every code in our tests, and
    /// the passes scan a quarter of the pixels.
    static let downscaleFactor = 2
    /// The crop around a located code reaches this fraction of the code's side beyond its corners, plus
    /// `cropMarginPixels`: enough for the quiet zone zbar needs around the finder patterns (4 modules of a
    /// version-1 code are 0.19 of its side) and for the error of corners read at half resolution.
    static let cropMarginFraction = 0.1
    static let cropMarginPixels = 8.0
    /// Images with fewer pixels are scanned at full resolution directly: a locating pass would save little.
    static let defaultMinimumPixels = 1_000_000
    /// zbar's full-resolution pass over the inverted image reads every 2nd line.
    static let invertedPassDensity = 2

    let pass: Pass
    var minimumPixels = TwoStageScan.defaultMinimumPixels

    /// Every code `fullResolution` would find, normal and inverted, in no particular order.
    func scan(_ image: GrayImage) -> [ScannedSymbol] {
        locatedScan(image) ?? fullResolution(image)
    }

    /// The codes found by locating and reading, or nil when the whole image must be scanned at full resolution:
    /// it is small, the locating passes found nothing, or a crop did not read back what was located.
    func locatedScan(_ image: GrayImage) -> [ScannedSymbol]? {
        guard image.pixels.count >= minimumPixels else { return nil }
        let located = locate(image)
        guard !located.isEmpty else { return nil }
        return read(located, in: image)
    }

    /// zbar's full-resolution passes over the whole image: as is, then inverted.
    func fullResolution(_ image: GrayImage) -> [ScannedSymbol] {
        pass(image, .darkOnLight, Self.density(.darkOnLight)) + pass(image, .lightOnDark, Self.density(.lightOnDark))
    }

    /// The lines zbar reads at full resolution, in the whole image and in crops alike: every line as is, every
    /// 2nd inverted (half the cost of that pass; it still finds light-on-dark codes down to 3 px modules).
    static func density(_ polarity: Polarity) -> Int {
        polarity == .darkOnLight ? 1 : invertedPassDensity
    }

    /// The codes zbar reads on the subsampled image, both polarities, with their corners in the coordinates of
    /// the full image (accurate to about `downscaleFactor` pixels); empty when the image is too small to shrink.
    func locate(_ image: GrayImage) -> [ScannedSymbol] {
        guard let small = image.subsampled(by: Self.downscaleFactor) else { return [] }
        let scale = Double(Self.downscaleFactor)
        var located: [ScannedSymbol] = []
        for region in ContentRegions.of(small) {
            guard let part = small.cropped(to: region) else { continue }
            let origin = Point(x: Double(region.x), y: Double(region.y))
            for found in pass(part, .darkOnLight, 1) + pass(part, .lightOnDark, 1) {
                located.append(
                    ScannedSymbol(
                        symbology: found.symbology, data: found.data,
                        corners: found.corners.map {
                            Point(x: ($0.x + origin.x) * scale, y: ($0.y + origin.y) * scale)
                        },
                        polarity: found.polarity))
            }
        }
        return located
    }

    /// Each located code read again at full resolution in a crop around it; nil when any crop does not yield the
    /// same bytes in the same polarity (the caller then scans the whole image at full resolution).
    func read(_ located: [ScannedSymbol], in image: GrayImage) -> [ScannedSymbol]? {
        var read: [ScannedSymbol] = []
        for code in located {
            let density = Self.density(code.polarity)
            guard
                let rect = Self.cropRect(
                    around: code.corners, density: density, imageWidth: image.width, imageHeight: image.height),
                let crop = image.cropped(to: rect)
            else { return nil }
            let offset = Point(x: Double(rect.x), y: Double(rect.y))
            let matches = pass(crop, code.polarity, density)
                .filter { $0.data == code.data && $0.polarity == code.polarity }
                .map { Self.translated($0, by: offset) }
            let target = Self.centre(code.corners)
            guard
                let best = matches.min(by: {
                    Self.distance(Self.centre($0.corners), target) < Self.distance(Self.centre($1.corners), target)
                })
            else { return nil }
            read.append(best)
        }
        return read
    }

    /// The full-resolution region to read a code located at `corners` in: its bounding box grown by the margin,
    /// clamped to the image, and placed so that zbar scans the crop's pixels as it scans the whole image.
    ///
    /// zbar reads every `density`-th line, starting at an offset that depends on the image's size modulo the
    /// density, and alternates the direction of successive lines: so the crop starts at a multiple of twice the
    /// density and its size is the image's modulo the density. Then every line through the code is the same
    /// line, read in the same direction, as in the full-resolution pass, and so are the corners zbar reports.
    static func cropRect(around corners: [Point], density: Int, imageWidth: Int, imageHeight: Int) -> PixelRect? {
        let xs = corners.map(\.x)
        let ys = corners.map(\.y)
        guard density > 0, let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max()
        else { return nil }
        let side = max(maxX - minX, maxY - minY)
        guard side.isFinite,
            let box = PixelRect.enclosing(
                corners, scale: 1, margin: side * cropMarginFraction + cropMarginPixels,
                imageWidth: imageWidth, imageHeight: imageHeight)
        else { return nil }
        let step = 2 * density
        let x = box.x - box.x % step
        let y = box.y - box.y % step
        let width = congruentLength(box.x + box.width - x, from: x, to: imageWidth, modulo: density)
        let height = congruentLength(box.y + box.height - y, from: y, to: imageHeight, modulo: density)
        return PixelRect(x: x, y: y, width: width, height: height)
    }

    /// `length`, grown by less than `modulo` so that it is congruent to `limit` modulo `modulo`, or stopped at the
    /// image's edge; at the edge it is congruent already, since `start` is a multiple of `modulo`.
    private static func congruentLength(_ length: Int, from start: Int, to limit: Int, modulo: Int) -> Int {
        var length = length
        while length % modulo != limit % modulo, start + length < limit { length += 1 }
        return length
    }

    static func translated(_ symbol: ScannedSymbol, by offset: Point) -> ScannedSymbol {
        ScannedSymbol(
            symbology: symbol.symbology, data: symbol.data,
            corners: symbol.corners.map { Point(x: $0.x + offset.x, y: $0.y + offset.y) }, polarity: symbol.polarity)
    }

    static func centre(_ points: [Point]) -> Point {
        guard !points.isEmpty else { return Point(x: 0, y: 0) }
        let n = Double(points.count)
        return Point(x: points.map(\.x).reduce(0, +) / n, y: points.map(\.y).reduce(0, +) / n)
    }

    static func distance(_ a: Point, _ b: Point) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }
}
