/// A projective map from module coordinates (u = column, v = row, continuous) to image pixels.
///
/// Screenshots are affine (scale plus rotation); the projective term absorbs mild perspective in photos.
struct Homography: Sendable, Equatable {
    private var m: [Double]

    private init(_ m: [Double]) { self.m = m }

    /// The affine map sending three module points to three pixel points; nil when either triple is collinear.
    init?(affineFrom source: [Point], to target: [Point]) {
        guard source.count == 3, target.count == 3 else { return nil }
        let du1 = source[1].x - source[0].x
        let dv1 = source[1].y - source[0].y
        let du2 = source[2].x - source[0].x
        let dv2 = source[2].y - source[0].y
        let det = du1 * dv2 - du2 * dv1
        guard det.isFinite, abs(det) > 1e-9 else { return nil }
        let dx1 = target[1].x - target[0].x
        let dy1 = target[1].y - target[0].y
        let dx2 = target[2].x - target[0].x
        let dy2 = target[2].y - target[0].y
        let a = (dx1 * dv2 - dx2 * dv1) / det
        let b = (dx2 * du1 - dx1 * du2) / det
        let d = (dy1 * dv2 - dy2 * dv1) / det
        let e = (dy2 * du1 - dy1 * du2) / det
        let c = target[0].x - a * source[0].x - b * source[0].y
        let f = target[0].y - d * source[0].x - e * source[0].y
        let values = [a, b, c, d, e, f, 0, 0, 1]
        guard values.allSatisfy(\.isFinite) else { return nil }
        self.init(values)
    }

    /// The projective map sending four module points to four pixel points; nil when degenerate.
    init?(from source: [Point], to target: [Point]) {
        guard source.count == 4, target.count == 4 else { return nil }
        var rows: [[Double]] = []
        for (s, t) in zip(source, target) {
            rows.append([s.x, s.y, 1, 0, 0, 0, -s.x * t.x, -s.y * t.x, t.x])
            rows.append([0, 0, 0, s.x, s.y, 1, -s.x * t.y, -s.y * t.y, t.y])
        }
        guard let solution = Homography.solve(rows) else { return nil }
        self.init(solution + [1])
    }

    /// Pixel position of a module-space point; nil when it maps to infinity.
    func apply(_ u: Double, _ v: Double) -> Point? {
        let w = m[6] * u + m[7] * v + m[8]
        guard abs(w) > 1e-12 else { return nil }
        let x = (m[0] * u + m[1] * v + m[2]) / w
        let y = (m[3] * u + m[4] * v + m[5]) / w
        guard x.isFinite, y.isFinite else { return nil }
        return Point(x: x, y: y)
    }

    /// Gaussian elimination with partial pivoting on an n×(n+1) augmented matrix.
    private static func solve(_ input: [[Double]]) -> [Double]? {
        var a = input
        let n = a.count
        for col in 0..<n {
            var pivot = col
            for row in col..<n where abs(a[row][col]) > abs(a[pivot][col]) { pivot = row }
            guard abs(a[pivot][col]) > 1e-12 else { return nil }
            a.swapAt(col, pivot)
            for row in 0..<n where row != col {
                let factor = a[row][col] / a[col][col]
                guard factor != 0 else { continue }
                for k in col...n { a[row][k] -= factor * a[col][k] }
            }
        }
        let result = (0..<n).map { a[$0][n] / a[$0][$0] }
        return result.allSatisfy(\.isFinite) ? result : nil
    }
}
