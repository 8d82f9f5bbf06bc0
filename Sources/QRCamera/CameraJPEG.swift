import QRSymbol

import Foundation

/// JPEG's loss without its entropy coding: 8×8 blocks, DCT-II of `v − 128`, quantised with the IJG luminance table
/// scaled by `quality` (libjpeg's formula), dequantised, inverse DCT, `+ 128`, rounded.
///
/// Quantisation rounds half away from zero. The image is padded to a multiple of 8 by repeating its last row and
/// column, and cut back after. Entropy coding is lossless, so this is what a grey baseline JPEG loses.
enum CameraJPEG {
    static let luminance: [Double] = [
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
        14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    ]

    /// libjpeg's table for `quality` (1–100): scale `5000/q` below 50, else `200 − 2q`; entries
    /// `⌊(t·scale + 50)/100⌋` clamped to 1…255.
    static func table(quality: Int) -> [Double] {
        let q = min(max(quality, 1), 100)
        let scale = q < 50 ? 5000 / q : 200 - 2 * q
        return luminance.map { min(max(((Int($0) * scale + 50) / 100), 1), 255) }.map(Double.init)
    }

    /// `cos((2x+1)uπ/16)·c(u)/2` with `c(0) = 1/√2`.
    static let basis: [Double] = (0..<64).map { index in
        let u = index / 8
        let x = index % 8
        let c = u == 0 ? 1 / 2.0.squareRoot() : 1
        return c / 2 * cos(Double(2 * x + 1) * Double(u) * Double.pi / 16)
    }

    static func compress(_ image: GrayImage, quality: Int) -> GrayImage {
        let q = table(quality: quality)
        let w = image.width
        let h = image.height
        var out = [Double](repeating: 0, count: w * h)
        var block = [Double](repeating: 0, count: 64)
        var temp = [Double](repeating: 0, count: 64)
        var coefficients = [Double](repeating: 0, count: 64)
        for by in stride(from: 0, to: h, by: 8) {
            for bx in stride(from: 0, to: w, by: 8) {
                for y in 0..<8 {
                    for x in 0..<8 {
                        block[y * 8 + x] = Double(image.pixels[min(by + y, h - 1) * w + min(bx + x, w - 1)]) - 128
                    }
                }
                // Forward: rows then columns; quantise; inverse the same way.
                transform(&block, &temp, &coefficients, inverse: false)
                for k in 0..<64 {
                    let level = (coefficients[k] / q[k]).rounded(.toNearestOrAwayFromZero)
                    block[k] = level * q[k]
                }
                transform(&block, &temp, &coefficients, inverse: true)
                for y in 0..<8 where by + y < h {
                    for x in 0..<8 where bx + x < w { out[(by + y) * w + bx + x] = coefficients[y * 8 + x] + 128 }
                }
            }
        }
        return GrayImage.cameraOutput(width: w, height: h, pixels: CameraPixels.rounded(out), from: image)
    }

    /// The separable 8×8 DCT-II (or its inverse) of `input` into `output`.
    private static func transform(
        _ input: inout [Double], _ temp: inout [Double], _ output: inout [Double], inverse: Bool
    ) {
        for y in 0..<8 {
            for u in 0..<8 {
                var sum = 0.0
                for x in 0..<8 {
                    sum += input[y * 8 + x] * (inverse ? basis[x * 8 + u] : basis[u * 8 + x])
                }
                temp[y * 8 + u] = sum
            }
        }
        for v in 0..<8 {
            for x in 0..<8 {
                var sum = 0.0
                for y in 0..<8 {
                    sum += temp[y * 8 + x] * (inverse ? basis[y * 8 + v] : basis[v * 8 + y])
                }
                output[v * 8 + x] = sum
            }
        }
    }
}
