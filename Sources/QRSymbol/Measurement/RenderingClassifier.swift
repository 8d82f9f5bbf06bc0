/// Tells a symbol drawn with whole-pixel hard-edged modules from a resampled (scaled, rotated, blurred) one.
///
/// Hard edges need an axis-aligned symbol, a near-integer module pitch, and almost no pixels of intermediate
/// luma along the timing lines and through the finders (resampling leaves a grey pixel at most edges).
enum RenderingClassifier {
    /// Share of intermediate pixels above which the symbol counts as resampled.
    static let intermediateLimit = 0.02

    static func classify(
        sampler: LumaSampler, grid: Homography, size: Int, pitch: SymbolMeasurement.ModulePitch,
        rotationDegrees: Double, dark: Double, light: Double
    ) -> SymbolMeasurement.Rendering {
        let axisAligned = rotationDegrees.truncatingRemainder(dividingBy: 90) == 0
        let integral = [pitch.x, pitch.y].allSatisfy { abs($0 - $0.rounded()) < 0.05 && $0.rounded() >= 1 }
        guard axisAligned, integral else { return .resampled }
        let low = dark + 0.25 * (light - dark)
        let high = light - 0.25 * (light - dark)
        var intermediate = 0
        var total = 0
        let n = Double(size)
        let lines: [(Double, Double, Double, Double)] = [
            (0, 6.5, n, 6.5), (6.5, 0, 6.5, n), (0, 3.5, n, 3.5),
            (3.5, 0, 3.5, n),
        ]
        for (u0, v0, u1, v1) in lines {
            guard let a = grid.apply(u0, v0), let b = grid.apply(u1, v1) else { continue }
            let steps = Int(min((b - a).length, 4096))
            guard steps > 0 else { continue }
            for s in 0..<steps {
                let p = a + (b - a) * ((Double(s) + 0.5) / Double(steps))
                guard let value = sampler.pixel(p.x, p.y) else { continue }
                total += 1
                if value > low, value < high { intermediate += 1 }
            }
        }
        guard total > 0 else { return .resampled }
        return Double(intermediate) / Double(total) <= intermediateLimit ? .integerHardEdges : .resampled
    }
}
