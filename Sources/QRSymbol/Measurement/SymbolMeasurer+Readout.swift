/// The read-out half of the measurement: module matrix, format/version information and the physical metrics.
extension SymbolMeasurer {
    static func measurement(
        fit: VersionFitter.Fit, sampler: LumaSampler, fallbackThreshold: Double,
        polarity: Polarity
    ) throws(MeasurementFailure) -> SymbolMeasurement {
        let size = 17 + 4 * fit.version
        var samples = [Double](repeating: 255, count: size * size)
        for row in 0..<size {
            for column in 0..<size {
                if let p = fit.grid.apply(Double(column) + 0.5, Double(row) + 0.5), let value = sampler.luma(p) {
                    samples[row * size + column] = value
                }
            }
        }
        let levels = OtsuThreshold(samples: samples)
        let threshold = levels?.threshold ?? fallbackThreshold
        let modules = samples.map { $0 < threshold }
        guard let matrix = ModuleMatrix(size: size, modules: modules) else {
            throw .noVersionFits(bestVersion: fit.version, bestScore: fit.score)
        }
        let format = SymbolInformationReader.format(matrix)
        let n = Double(size)
        let corners = [(0.0, 0.0), (0.0, n), (n, n), (n, 0.0)].map { fit.grid.apply($0.0, $0.1) ?? Point(x: 0, y: 0) }
        let sides = [
            corners[3] - corners[0], corners[2] - corners[1], corners[1] - corners[0], corners[2] - corners[3],
        ]
        .map { $0.length }
        let pitches = sides.map { $0 / n }
        let pitch = SymbolMeasurement.ModulePitch(
            x: (pitches[0] + pitches[1]) / 2, y: (pitches[2] + pitches[3]) / 2,
            min: pitches.min() ?? 0, max: pitches.max() ?? 0)
        let rotation = rotationDegrees(from: corners[0], to: corners[3])
        let dark = levels?.darkMean ?? 0
        let light = levels?.lightMean ?? 255
        let band = 0.1 * (light - dark)
        let near = samples.reduce(0) { abs($1 - threshold) < band ? $0 + 1 : $0 }
        return SymbolMeasurement(
            version: fit.version,
            versionSources: SymbolInformationReader.versionSources(matrix),
            ecLevel: format.chosen?.ecLevel,
            mask: format.chosen?.mask,
            formatCopies: format.copies,
            formatCopiesAgree: format.agreement,
            modulePx: pitch,
            square: pitch.y > 0 ? pitch.x / pitch.y : 0,
            rendering: RenderingClassifier.classify(
                sampler: sampler, grid: fit.grid, size: size, pitch: pitch,
                rotationDegrees: rotation, dark: dark, light: light),
            quietZoneModules: QuietZoneMeter(sampler: sampler, threshold: threshold, grid: fit.grid, size: size)
                .measure(),
            contrast: .init(
                symbolContrast: (light - dark) / 255,
                nearThresholdFraction: Double(near) / Double(samples.count)),
            polarity: polarity,
            rotationDegrees: rotation,
            sizePx: sides.reduce(0, +) / 4,
            corners: corners,
            modules: matrix
        )
    }

    /// Clockwise angle of the top edge in [0, 360), snapped to the nearest multiple of 90 within 0.25°.
    static func rotationDegrees(from topLeft: Point, to topRight: Point) -> Double {
        let raw = atan2Degrees(y: topRight.y - topLeft.y, x: topRight.x - topLeft.x)
        var angle = raw < 0 ? raw + 360 : raw
        let snapped = (angle / 90).rounded() * 90
        if abs(angle - snapped) <= 0.25 { angle = snapped }
        return angle >= 360 ? angle - 360 : angle
    }
}
