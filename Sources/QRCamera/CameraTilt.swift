import QRSymbol

import Foundation

/// Perspective tilt: the screen turned by `degrees` about its vertical axis through the crop's centre, seen by a
/// pinhole camera at a distance of eight times the crop's longer side, on a canvas of the crop's size.
///
/// For an output pixel centre `(x, y)` relative to the crop's centre, with `f = 8·max(w, h)`, the screen point it
/// sees is `u = x·f / (f·cos θ − x·sin θ)`, `v = y·(f + u·sin θ) / f`, sampled bilinearly (pixel centres at
/// integer + ½); points off the crop, or behind the camera, are light (255).
enum CameraTilt {
    static func tilt(_ image: GrayImage, degrees: Double) -> GrayImage {
        guard degrees != 0 else { return image }
        let w = image.width
        let h = image.height
        let theta = degrees * Double.pi / 180
        let f = 8 * Double(max(w, h))
        let cx = Double(w) / 2
        let cy = Double(h) / 2
        let cosine = cos(theta)
        let sine = sin(theta)
        var out = [Double](repeating: 255, count: w * h)
        for y in 0..<h {
            let py = Double(y) + 0.5 - cy
            for x in 0..<w {
                let px = Double(x) + 0.5 - cx
                let denominator = f * cosine - px * sine
                guard denominator > 0 else { continue }
                let u = px * f / denominator
                let v = py * (f + u * sine) / f
                out[y * w + x] = sample(image, x: u + cx - 0.5, y: v + cy - 0.5)
            }
        }
        return GrayImage.cameraOutput(width: w, height: h, pixels: CameraPixels.rounded(out), from: image)
    }

    /// Bilinear sample at pixel coordinates (pixel centres are integers); 255 outside `[0, w−1]×[0, h−1]`.
    static func sample(_ image: GrayImage, x: Double, y: Double) -> Double {
        let w = image.width
        let h = image.height
        guard x >= 0, y >= 0, x <= Double(w - 1), y <= Double(h - 1) else { return 255 }
        let x0 = Int(x.rounded(.down))
        let y0 = Int(y.rounded(.down))
        let x1 = min(x0 + 1, w - 1)
        let y1 = min(y0 + 1, h - 1)
        let tx = x - Double(x0)
        let ty = y - Double(y0)
        let p = image.pixels
        let top = Double(p[y0 * w + x0]) * (1 - tx) + Double(p[y0 * w + x1]) * tx
        let bottom = Double(p[y1 * w + x0]) * (1 - tx) + Double(p[y1 * w + x1]) * tx
        return top * (1 - ty) + bottom * ty
    }
}
