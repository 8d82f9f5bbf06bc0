/// Counts whole light module rings outside each side of the symbol, reported per side of the image.
///
/// Ring k of a side is the row (or column) of modules k modules outside it, spanning the side's own length.
/// A ring counts when every module lies wholly inside the image and five points in it (centre and ±0.3
/// module) are all light; counting stops at the first failing ring or at the cap.
struct QuietZoneMeter: Sendable {
    static let cap = 10

    let sampler: LumaSampler
    let threshold: Double
    let grid: Homography
    let size: Int

    /// Quiet zone per image side: each symbol side is assigned to the image side its outward normal faces.
    func measure() -> SymbolMeasurement.QuietZone {
        var perImageSide = [0, 0, 0, 0]
        let n = Double(size)
        guard let centre = grid.apply(n / 2, n / 2) else { return .init(top: 0, right: 0, bottom: 0, left: 0) }
        let midpoints: [(u: Double, v: Double)] = [(n / 2, 0), (n, n / 2), (n / 2, n), (0, n / 2)]
        for side in 0..<4 {
            guard let mid = grid.apply(midpoints[side].u, midpoints[side].v) else { continue }
            let normal = mid - centre
            let imageSide: Int
            if abs(normal.x) > abs(normal.y) {
                imageSide = normal.x > 0 ? 1 : 3
            } else {
                imageSide = normal.y > 0 ? 2 : 0
            }
            perImageSide[imageSide] = max(perImageSide[imageSide], rings(side: side))
        }
        return .init(top: perImageSide[0], right: perImageSide[1], bottom: perImageSide[2], left: perImageSide[3])
    }

    /// Light rings outside one symbol side (0 top, 1 right, 2 bottom, 3 left in symbol orientation).
    private func rings(side: Int) -> Int {
        for k in 1...Self.cap {
            for i in 0..<size {
                let (row, column): (Int, Int)
                switch side {
                case 0: (row, column) = (-k, i)
                case 1: (row, column) = (i, size - 1 + k)
                case 2: (row, column) = (size - 1 + k, i)
                default: (row, column) = (i, -k)
                }
                if !isLightModule(row: row, column: column) { return k - 1 }
            }
        }
        return Self.cap
    }

    private func isLightModule(row: Int, column: Int) -> Bool {
        let u = Double(column)
        let v = Double(row)
        let tolerance = 0.5
        let width = Double(sampler.image.width)
        let height = Double(sampler.image.height)
        for (du, dv) in [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)] {
            guard let p = grid.apply(u + du, v + dv), p.x >= -tolerance, p.y >= -tolerance,
                p.x <= width + tolerance, p.y <= height + tolerance
            else { return false }
        }
        for (du, dv) in [(0.5, 0.5), (0.2, 0.2), (0.8, 0.2), (0.2, 0.8), (0.8, 0.8)] {
            guard let p = grid.apply(u + du, v + dv), let value = sampler.luma(p), value >= threshold else {
                return false
            }
        }
        return true
    }
}
