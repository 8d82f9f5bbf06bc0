import QRSymbol

import Foundation

/// The per-pixel and convolution degradations of a camera rung, each from 8-bit to 8-bit, rounded once
/// (`CameraPixels.rounded`), edges replicated.
enum CameraFilters {
    /// Contrast reduced to `factor` about mid grey: `127.5 + factor·(v − 127.5)`.
    static func contrast(_ image: GrayImage, factor: Double) -> GrayImage {
        map(image) { 127.5 + factor * (Double($0) - 127.5) }
    }

    /// A display or sensor gamma: `255·(v/255)^gamma`.
    static func gamma(_ image: GrayImage, _ gamma: Double) -> GrayImage {
        map(image) { 255 * pow(Double($0) / 255, gamma) }
    }

    /// Defocus: a Gaussian of `sigma` camera pixels, radius ⌈3σ⌉, weights `exp(−k²/2σ²)` normalised; rows first.
    /// A σ above `maximumSigma` (a spec typo, not a camera) is taken as `maximumSigma`.
    static func blur(_ image: GrayImage, sigma requested: Double) -> GrayImage {
        guard requested > 0 else { return image }
        let sigma = min(requested, maximumSigma)
        let radius = Int((3 * sigma).rounded(.up))
        let raw = (-radius...radius).map { exp(-Double($0 * $0) / (2 * sigma * sigma)) }
        let total = raw.reduce(0, +)
        let taps = raw.enumerated().map { (offset: $0.offset - radius, weight: $0.element / total) }
        return separable(image, horizontal: taps, vertical: taps)
    }

    /// The largest blur σ applied, in camera pixels: far beyond any camera, and it bounds the kernel (601 taps).
    static let maximumSigma = 100.0

    /// Horizontal motion of `length` camera pixels: `length + 1` taps, the two ends weighted ½, the rest 1,
    /// normalised, starting `⌊length/2⌋` pixels to the left.
    static func motion(_ image: GrayImage, length: Int) -> GrayImage {
        guard length > 0 else { return image }
        let taps = (0...length).map { t in
            (offset: t - length / 2, weight: (t == 0 || t == length ? 0.5 : 1) / Double(length))
        }
        return separable(image, horizontal: taps, vertical: nil)
    }

    /// Glare: an ellipse of `fraction` of the symbol's area, set to 255 (saturated), semi-axes `a` and `a/2` with
    /// `π·a·a/2 = fraction·side²`, centred at the symbol's centre moved by (+0.15, −0.15)·side; a pixel is inside
    /// when its centre is.
    static func glare(_ image: GrayImage, fraction: Double, centre: Point, side: Double) -> GrayImage {
        guard fraction > 0, side > 0 else { return image }
        let a = (2 * fraction * side * side / Double.pi).squareRoot()
        let b = a / 2
        let cx = centre.x + 0.15 * side
        let cy = centre.y - 0.15 * side
        var pixels = image.pixels
        for y in 0..<image.height {
            let dy = (Double(y) + 0.5 - cy) / b
            for x in 0..<image.width {
                let dx = (Double(x) + 0.5 - cx) / a
                if dx * dx + dy * dy <= 1 { pixels[y * image.width + x] = 255 }
            }
        }
        return GrayImage.cameraOutput(width: image.width, height: image.height, pixels: pixels, from: image)
    }

    static func map(_ image: GrayImage, _ transform: (UInt8) -> Double) -> GrayImage {
        let table = (0...255).map { CameraPixels.rounded(transform(UInt8($0))) }
        return GrayImage.cameraOutput(
            width: image.width, height: image.height, pixels: image.pixels.map { table[Int($0)] }, from: image)
    }

    /// A separable convolution: `horizontal` along rows, then `vertical` along columns (nil: none), edges replicated.
    static func separable(
        _ image: GrayImage, horizontal: [(offset: Int, weight: Double)], vertical: [(offset: Int, weight: Double)]?
    ) -> GrayImage {
        let w = image.width
        let h = image.height
        var rows = [Double](repeating: 0, count: w * h)
        image.pixels.withUnsafeBufferPointer { src in
            rows.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    let base = y * w
                    for x in 0..<w {
                        var sum = 0.0
                        for tap in horizontal {
                            sum += Double(src[base + min(max(x + tap.offset, 0), w - 1)]) * tap.weight
                        }
                        dst[base + x] = sum
                    }
                }
            }
        }
        guard let vertical else {
            return GrayImage.cameraOutput(width: w, height: h, pixels: CameraPixels.rounded(rows), from: image)
        }
        var out = [Double](repeating: 0, count: w * h)
        rows.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    for tap in vertical {
                        let from = min(max(y + tap.offset, 0), h - 1) * w
                        for x in 0..<w { dst[y * w + x] += src[from + x] * tap.weight }
                    }
                }
            }
        }
        return GrayImage.cameraOutput(width: w, height: h, pixels: CameraPixels.rounded(out), from: image)
    }
}
