/// Chooses the version whose timing and alignment patterns best match the pixels, given the finder centres.
///
/// For each candidate size N the three finder centres fix an affine grid (their module coordinates are
/// (3.5, 3.5), (N−3.5, 3.5), (3.5, N−3.5)); a wrong N drifts off the alternating timing modules within a few
/// modules, so the fraction of matching function modules separates versions sharply.
struct VersionFitter: Sendable {
    /// A candidate grid and how many of its function modules matched.
    struct Fit: Sendable {
        var version: Int
        var grid: Homography
        var score: Double
    }

    let sampler: LumaSampler
    let threshold: Double

    /// Best-scoring version among those whose size is plausible for the finder spacing and module pitch.
    func bestFit(topLeft: Point, topRight: Point, bottomLeft: Point, module: Double) -> Fit? {
        let spacing = ((topRight - topLeft).length + (bottomLeft - topLeft).length) / 2
        guard module.isFinite, module > 0, spacing.isFinite else { return nil }
        let estimate = spacing / module + 7
        var best: Fit?
        for version in 1...40 {
            let size = Double(17 + 4 * version)
            guard abs(size - estimate) <= max(6, 0.18 * estimate) else { continue }
            guard let fit = fit(version: version, topLeft: topLeft, topRight: topRight, bottomLeft: bottomLeft)
            else { continue }
            if let current = best {
                let closer = abs(size - estimate) < abs(Double(17 + 4 * current.version) - estimate)
                if fit.score > current.score + 1e-9 || (abs(fit.score - current.score) <= 1e-9 && closer) {
                    best = fit
                }
            } else {
                best = fit
            }
        }
        return best
    }

    /// The affine grid for one version and its function-pattern score.
    func fit(version: Int, topLeft: Point, topRight: Point, bottomLeft: Point) -> Fit? {
        let n = Double(17 + 4 * version)
        let source = [Point(x: 3.5, y: 3.5), Point(x: n - 3.5, y: 3.5), Point(x: 3.5, y: n - 3.5)]
        guard let grid = Homography(affineFrom: source, to: [topLeft, topRight, bottomLeft]) else { return nil }
        return Fit(version: version, grid: grid, score: score(version: version, grid: grid))
    }

    /// Fraction of timing and alignment modules whose sampled colour matches the standard.
    func score(version: Int, grid: Homography) -> Double {
        let size = 17 + 4 * version
        var matched = 0
        var total = 0
        func check(_ row: Int, _ column: Int, dark: Bool) {
            total += 1
            guard let p = grid.apply(Double(column) + 0.5, Double(row) + 0.5), let value = sampler.luma(p) else {
                return
            }
            if (value < threshold) == dark { matched += 1 }
        }
        if size - 9 >= 8 {
            for i in 8...(size - 9) {
                check(6, i, dark: i % 2 == 0)
                check(i, 6, dark: i % 2 == 0)
            }
        }
        for centre in AlignmentPatternTable.centres(version: version) {
            for dr in -2...2 {
                for dc in -2...2 where (abs(dr) < 2 && abs(dc) < 2) || dr == 0 || dc == 0 {
                    check(centre.row + dr, centre.column + dc, dark: max(abs(dr), abs(dc)) != 1)
                }
            }
        }
        return total == 0 ? 0 : Double(matched) / Double(total)
    }
}
