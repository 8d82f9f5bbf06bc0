import QRSymbol

/// Resampling of the screen to the camera's pixel grid, separable (rows first, then columns), values rounded once.
///
/// For an output of `n` pixels from `m`, output pixel `i` covers input `[i·m/n, (i+1)·m/n)`: `area` averages the
/// input over that span (partial pixels weighted by their overlap), `bilinear` samples it at `(i+0.5)·m/n - 0.5`,
/// interpolating between the two nearest pixels (indices clamped to the image).
enum CameraResampler {
    /// One axis's weights: for each output pixel, the input indices and weights that make it.
    static func weights(from m: Int, to n: Int, filter: CameraFilter) -> [[(index: Int, weight: Double)]] {
        let ratio = Double(m) / Double(n)
        return (0..<n).map { i in
            switch filter {
            case .area:
                let start = Double(i) * ratio
                let end = Double(i + 1) * ratio
                var taps: [(index: Int, weight: Double)] = []
                var j = Int(start.rounded(.down))
                while Double(j) < end, j < m {
                    let overlap = min(end, Double(j + 1)) - max(start, Double(j))
                    if overlap > 0 { taps.append((j, overlap / (end - start))) }
                    j += 1
                }
                return taps
            case .bilinear:
                let x = min(max((Double(i) + 0.5) * ratio - 0.5, 0), Double(m - 1))
                let j = Int(x.rounded(.down))
                let t = x - Double(j)
                return t > 0 && j + 1 < m ? [(j, 1 - t), (j + 1, t)] : [(j, 1)]
            }
        }
    }

    /// The image resampled to `width`×`height`.
    static func resample(_ image: GrayImage, width: Int, height: Int, filter: CameraFilter) -> GrayImage? {
        guard width > 0, height > 0 else { return nil }
        let wx = weights(from: image.width, to: width, filter: filter)
        let wy = weights(from: image.height, to: height, filter: filter)
        var rows = [Double](repeating: 0, count: width * image.height)
        image.pixels.withUnsafeBufferPointer { src in
            rows.withUnsafeMutableBufferPointer { dst in
                for y in 0..<image.height {
                    let base = y * image.width
                    for x in 0..<width {
                        var sum = 0.0
                        for tap in wx[x] { sum += Double(src[base + tap.index]) * tap.weight }
                        dst[y * width + x] = sum
                    }
                }
            }
        }
        var out = [Double](repeating: 0, count: width * height)
        rows.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<height {
                    for tap in wy[y] {
                        let from = tap.index * width
                        let to = y * width
                        for x in 0..<width { dst[to + x] += src[from + x] * tap.weight }
                    }
                }
            }
        }
        return GrayImage(width: width, height: height, pixels: CameraPixels.rounded(out))
    }
}

/// The one rounding every camera operation ends with: nearest integer, halves up, clamped to 0…255.
enum CameraPixels {
    static func rounded(_ value: Double) -> UInt8 {
        guard value.isFinite else { return value > 0 ? 255 : 0 }
        return UInt8(min(max((value + 0.5).rounded(.down), 0), 255))
    }

    static func rounded(_ values: [Double]) -> [UInt8] {
        values.map(rounded)
    }
}

extension GrayImage {
    /// A camera operation's output of `width`×`height`; every operation computes `pixels` from those dimensions, so
    /// the fallback to `input` (the operation skipped) only guards against a mismatch that cannot happen.
    static func cameraOutput(width: Int, height: Int, pixels: [UInt8], from input: GrayImage) -> GrayImage {
        GrayImage(width: width, height: height, pixels: pixels) ?? input
    }
}
