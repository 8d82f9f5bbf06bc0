/// Plane-vector arithmetic on `Point`, used by the measurement geometry.
extension Point {
    static func + (lhs: Point, rhs: Point) -> Point { Point(x: lhs.x + rhs.x, y: lhs.y + rhs.y) }
    static func - (lhs: Point, rhs: Point) -> Point { Point(x: lhs.x - rhs.x, y: lhs.y - rhs.y) }
    static func * (lhs: Point, rhs: Double) -> Point { Point(x: lhs.x * rhs, y: lhs.y * rhs) }

    /// Euclidean length of the point taken as a vector.
    var length: Double { (x * x + y * y).squareRoot() }

    /// The unit vector in the same direction, or nil for a zero or non-finite vector.
    var normalized: Point? {
        let l = length
        guard l.isFinite, l > 1e-9 else { return nil }
        return Point(x: x / l, y: y / l)
    }

    /// The vector rotated by +90° in image coordinates.
    var perpendicular: Point { Point(x: -y, y: x) }
}
