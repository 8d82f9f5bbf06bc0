/// Measures a QR symbol from its pixels, given zbar's four outer corners and polarity.
///
/// Finder centres are located to sub-pixel precision, the version is chosen by how well its timing and
/// alignment patterns match, the grid is tightened on the bottom-right alignment pattern, and then the
/// format/version information, module matrix, pitch, quiet zone and contrast are read. Sampling is sparse
/// (function patterns, module centres, quiet-zone rings), so a symbol costs a few milliseconds in release.
///
/// ```swift
/// switch SymbolMeasurer.measure(image: image, corners: symbol.corners, polarity: symbol.polarity) {
/// case .success(let m): print(m.version, m.ecLevel as Any, m.modulePx.x)
/// case .failure(let reason): print(reason)
/// }
/// ```
public enum SymbolMeasurer {
    /// Minimum share of timing/alignment modules that must match for a version to be accepted.
    static let minimumFitScore = 0.75

    /// - Parameter corners: zbar's 4 outer symbol corners in the symbol's own order TL, BL, BR, TR.
    public static func measure(image: GrayImage, corners: [Point], polarity: Polarity)
        -> Result<SymbolMeasurement, MeasurementFailure>
    {
        do {
            return .success(try measureThrowing(image: image, corners: corners, polarity: polarity))
        } catch {
            return .failure(error)
        }
    }

    private static func measureThrowing(image: GrayImage, corners: [Point], polarity: Polarity)
        throws(MeasurementFailure) -> SymbolMeasurement
    {
        let quad = try SymbolQuadrilateral(corners: corners, imageWidth: image.width, imageHeight: image.height)
        let sampler = LumaSampler(image: image, polarity: polarity)
        guard let axes = quad.axes else { throw .degenerateQuadrilateral }
        let levels = try initialLevels(quad: quad, sampler: sampler)
        let locator = FinderLocator(sampler: sampler, threshold: levels.threshold, axisU: axes.u, axisV: axes.v)
        guard let tl = locator.locateFinder(corner: quad.topLeft, opposite: quad.bottomRight) else {
            throw .finderPatternNotFound(.topLeft)
        }
        guard let tr = locator.locateFinder(corner: quad.topRight, opposite: quad.bottomLeft) else {
            throw .finderPatternNotFound(.topRight)
        }
        guard let bl = locator.locateFinder(corner: quad.bottomLeft, opposite: quad.topRight) else {
            throw .finderPatternNotFound(.bottomLeft)
        }
        let module = [tl, tr, bl].reduce(0.0) { $0 + $1.moduleU + $1.moduleV } / 6
        let fitter = VersionFitter(sampler: sampler, threshold: levels.threshold)
        guard var fit = fitter.bestFit(topLeft: tl.centre, topRight: tr.centre, bottomLeft: bl.centre, module: module)
        else { throw .noVersionFits(bestVersion: 0, bestScore: 0) }
        guard fit.score >= minimumFitScore else { throw .noVersionFits(bestVersion: fit.version, bestScore: fit.score) }
        if let tightened = tightenOnAlignment(
            fit, finders: (tl.centre, tr.centre, bl.centre), locator: locator,
            fitter: fitter)
        {
            fit = tightened
        }
        return try measurement(fit: fit, sampler: sampler, fallbackThreshold: levels.threshold, polarity: polarity)
    }

    /// Dark/light levels and threshold from a sparse grid of samples inside the quadrilateral.
    private static func initialLevels(quad: SymbolQuadrilateral, sampler: LumaSampler)
        throws(MeasurementFailure) -> OtsuThreshold
    {
        let steps = 32
        var samples: [Double] = []
        samples.reserveCapacity(steps * steps)
        for i in 0..<steps {
            for j in 0..<steps {
                let p = quad.interpolate((Double(i) + 0.5) / Double(steps), (Double(j) + 0.5) / Double(steps))
                if let value = sampler.luma(p) { samples.append(value) }
            }
        }
        guard let levels = OtsuThreshold(samples: samples) else { throw .lowContrast(dark: 0, light: 0) }
        guard levels.lightMean - levels.darkMean >= 20 else {
            throw .lowContrast(dark: levels.darkMean / 255, light: levels.lightMean / 255)
        }
        return levels
    }

    /// Re-fits the grid projectively through the three finders and the bottom-right alignment pattern.
    private static func tightenOnAlignment(
        _ fit: VersionFitter.Fit, finders: (Point, Point, Point),
        locator: FinderLocator, fitter: VersionFitter
    ) -> VersionFitter.Fit? {
        guard let last = AlignmentPatternTable.coordinates(version: fit.version).last else { return nil }
        let centre = Double(last) + 0.5
        guard let predicted = fit.grid.apply(centre, centre), let right = fit.grid.apply(centre + 1, centre),
            let down = fit.grid.apply(centre, centre + 1)
        else { return nil }
        let start = FinderLocator.Located(
            centre: predicted, moduleU: (right - predicted).length,
            moduleV: (down - predicted).length)
        guard let found = locator.refine(start, coreModules: 1),
            (found.centre - predicted).length <= 1.5 * max(start.moduleU, start.moduleV)
        else { return nil }
        let n = Double(17 + 4 * fit.version)
        let source = [
            Point(x: 3.5, y: 3.5), Point(x: n - 3.5, y: 3.5), Point(x: 3.5, y: n - 3.5),
            Point(x: centre, y: centre),
        ]
        guard let grid = Homography(from: source, to: [finders.0, finders.1, finders.2, found.centre]) else {
            return nil
        }
        let score = fitter.score(version: fit.version, grid: grid)
        guard score >= fit.score else { return nil }
        return VersionFitter.Fit(version: fit.version, grid: grid, score: score)
    }
}
