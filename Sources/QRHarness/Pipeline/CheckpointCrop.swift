import QRCamera
import QRConformance
import QRConformanceReports
import QRImaging
import QRSymbol

/// The checkpoint camera's view of each symbol for the HTML report, pixelated in blocks of 3 modules unless
/// personal data is revealed (as `ScreenshotCrop` does): a decodable code would carry the full ID and birth date.
public enum CheckpointCrop {
    public static func views(
        _ views: [CameraView?], observation: ImageObservation, revealPersonalData: Bool
    ) -> [CheckpointView] {
        views.enumerated().compactMap { index, view -> CheckpointView? in
            guard let view, index < observation.symbols.count,
                let margin = observation.symbols[index].scannability.margin
            else { return nil }
            var pixels = view.image.pixels
            if !revealPersonalData {
                let block = max(2, Int(min(3 * view.modulePixels, 1_000).rounded(.up)))
                ScreenshotCrop.pixelate(
                    &pixels, width: view.image.width, height: view.image.height, x: 0, y: 0, to: view.image.width,
                    view.image.height, block: block)
            }
            guard let image = GrayImage(width: view.image.width, height: view.image.height, pixels: pixels),
                let png = try? PNGEncoder.encode(image)
            else { return nil }
            return CheckpointView(png: png, width: image.width, height: image.height, caption: caption(margin))
        }
    }

    /// The checkpoint's outcome, each decoder's first failing rung and the misreads, one line each.
    static func caption(_ margin: ScannabilityMargin) -> [String] {
        var lines: [String] = []
        if let c = margin.checkpoint {
            lines.append("checkpoint: zbar \(c.zbar.rawValue), zxing-cpp \(c.zxing.rawValue)")
        }
        lines.append("first failing rung, zbar: \(margin.zbarFirstFailure ?? "none")")
        lines.append("first failing rung, zxing-cpp: \(margin.zxingFirstFailure ?? "none")")
        let misreads = margin.misreads.map(\.label)
        lines.append("misreads: " + (misreads.isEmpty ? "none" : misreads.joined(separator: ", ")))
        return lines
    }
}
