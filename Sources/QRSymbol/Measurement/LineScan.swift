/// Binarised runs of dark and light along a straight line, with sub-pixel edge positions.
struct LineScan: Sendable {
    /// One run between two edges; `start`/`end` are distances along the line from its origin.
    struct Run: Sendable, Equatable {
        var start: Double
        var end: Double
        var dark: Bool
        var length: Double { end - start }
    }

    let runs: [Run]

    /// Scans from `origin + direction·from` to `origin + direction·to`; points outside the image count as light.
    init(
        sampler: LumaSampler, threshold: Double, origin: Point, direction: Point, from: Double, to: Double,
        step: Double
    ) {
        var runs: [Run] = []
        guard from.isFinite, to.isFinite, step.isFinite, step > 0, to > from, (to - from) / step < 100_000 else {
            self.runs = []
            return
        }
        var t = from
        var previous = sampler.luma(origin.x + direction.x * t, origin.y + direction.y * t) ?? 255
        var current = Run(start: from, end: from, dark: previous < threshold)
        while t < to {
            let next = min(t + step, to)
            let value = sampler.luma(origin.x + direction.x * next, origin.y + direction.y * next) ?? 255
            let dark = value < threshold
            if dark != current.dark {
                let fraction = value == previous ? 0.5 : (threshold - previous) / (value - previous)
                let edge = t + (next - t) * min(max(fraction, 0), 1)
                current.end = edge
                runs.append(current)
                current = Run(start: edge, end: edge, dark: dark)
            }
            previous = value
            t = next
        }
        current.end = to
        runs.append(current)
        self.runs = runs
    }

    /// Index of the run containing distance `t`.
    func index(containing t: Double) -> Int? {
        runs.firstIndex { $0.start <= t && t <= $0.end }
    }
}
