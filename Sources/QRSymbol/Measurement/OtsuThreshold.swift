/// Otsu's threshold over luma samples: the split maximising between-class variance, plus both class means.
struct OtsuThreshold: Sendable, Equatable {
    let threshold: Double
    let darkMean: Double
    let lightMean: Double

    /// nil when there are no samples or all samples fall in one bin.
    init?(samples: [Double]) {
        var histogram = [Int](repeating: 0, count: 256)
        for s in samples where s.isFinite { histogram[Int(min(max(s, 0), 255))] += 1 }
        let total = histogram.reduce(0, +)
        guard total > 0 else { return nil }
        let sumAll = histogram.enumerated().reduce(0.0) { $0 + Double($1.offset * $1.element) }
        var weightDark = 0
        var sumDark = 0.0
        var bestVariance = -1.0
        var bestSplit = -1
        for level in 0..<255 {
            weightDark += histogram[level]
            sumDark += Double(level * histogram[level])
            let weightLight = total - weightDark
            guard weightDark > 0, weightLight > 0 else { continue }
            let meanDark = sumDark / Double(weightDark)
            let meanLight = (sumAll - sumDark) / Double(weightLight)
            let variance = Double(weightDark) * Double(weightLight) * (meanLight - meanDark) * (meanLight - meanDark)
            if variance > bestVariance {
                bestVariance = variance
                bestSplit = level
            }
        }
        guard bestSplit >= 0 else { return nil }
        var dark = 0.0
        var light = 0.0
        var darkCount = 0
        var lightCount = 0
        for s in samples where s.isFinite {
            if s <= Double(bestSplit) + 0.5 {
                dark += s
                darkCount += 1
            } else {
                light += s
                lightCount += 1
            }
        }
        guard darkCount > 0, lightCount > 0 else { return nil }
        darkMean = dark / Double(darkCount)
        lightMean = light / Double(lightCount)
        threshold = (darkMean + lightMean) / 2
    }
}
