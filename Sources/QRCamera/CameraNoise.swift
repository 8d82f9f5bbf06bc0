import QRSymbol

import Foundation

/// Sensor noise: `v + σ·n` per pixel, `n` standard normal from a seeded SplitMix64, so every run adds the same noise.
///
/// The generator starts at `seed &+ index &* 0x9E3779B97F4A7C15` (the rung's 1-based index in the ladder). Pixels
/// take normals in row-major order, two per pair of uniforms (Box–Muller): with `u = ((x >> 11) + 0.5) / 2⁵³`,
/// `n₁ = √(−2 ln u₁)·cos 2πu₂` and `n₂ = √(−2 ln u₁)·sin 2πu₂`.
enum CameraNoise {
    static func add(_ image: GrayImage, sigma: Double, seed: UInt64, index: Int) -> GrayImage {
        guard sigma > 0 else { return image }
        var generator = SplitMix64(state: seed &+ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)
        var pixels = image.pixels
        var i = 0
        while i < pixels.count {
            let u1 = generator.nextUnit()
            let u2 = generator.nextUnit()
            let r = (-2 * log(u1)).squareRoot()
            pixels[i] = CameraPixels.rounded(Double(pixels[i]) + sigma * r * cos(2 * Double.pi * u2))
            if i + 1 < pixels.count {
                pixels[i + 1] = CameraPixels.rounded(Double(pixels[i + 1]) + sigma * r * sin(2 * Double.pi * u2))
            }
            i += 2
        }
        return GrayImage.cameraOutput(width: image.width, height: image.height, pixels: pixels, from: image)
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast and specified in a few lines, so other software reproduces it.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in (0, 1), never 0, so its logarithm is finite.
    mutating func nextUnit() -> Double {
        (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992
    }
}
