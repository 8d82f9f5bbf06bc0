/// atan2 in degrees without Foundation: QRSymbol imports nothing, and the stdlib has no trigonometry.
///
/// Two angle-halving steps (atan z = 2·atan(z / (1 + √(1 + z²)))) shrink |z| ≤ 1 below 0.2, where the
/// Taylor series converges to double precision in a few dozen terms.
func atan2Degrees(y: Double, x: Double) -> Double {
    guard x.isFinite, y.isFinite, x != 0 || y != 0 else { return 0 }
    let pi = 3.141_592_653_589_793_238_46
    let radians: Double
    if abs(x) >= abs(y) {
        let base = atanSmall(y / x)
        radians = x > 0 ? base : (y >= 0 ? base + pi : base - pi)
    } else {
        let base = atanSmall(x / y)
        radians = y > 0 ? pi / 2 - base : -pi / 2 - base
    }
    return radians * 180 / pi
}

/// atan(z) for |z| ≤ 1.
private func atanSmall(_ z: Double) -> Double {
    var value = z
    var factor = 1.0
    for _ in 0..<2 {
        value /= 1 + (1 + value * value).squareRoot()
        factor *= 2
    }
    var term = value
    var sum = 0.0
    let square = value * value
    for k in 0..<40 {
        sum += term / Double(2 * k + 1) * (k % 2 == 0 ? 1 : -1)
        term *= square
    }
    return sum * factor
}
