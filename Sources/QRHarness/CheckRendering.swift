import Foundation
import QRConformance
import QRConformanceReports
import QRImaging

/// Renders a finished check report as JUnit XML or HTML, the same renderers `certify` uses.
///
/// The HTML's QR crops are cut by decoding each judged image again here: the batch workers send back report
/// rows, not pixels, and HTML reports are made for runs a person reads.
public enum CheckRendering {
    public static func junit(_ report: CheckReport, spec: Spec) -> [UInt8] {
        JUnitRenderer.render(ReportView(check: report, spec: spec))
    }

    public static func html(_ report: CheckReport, spec: Spec, options: CheckOptions) -> [UInt8] {
        var visuals: [String: ScreenshotVisual] = [:]
        let quietZone = RuleParameters(spec.rule("SYM-013")?.parameters ?? [:]).integer("minimum") ?? 4
        if let inspector = try? ImageInspector(limits: options.limits) {
            for row in report.images where row.error == nil {
                guard let bytes = try? ImageFile.readBytes(path: row.file, limits: options.limits),
                    let image = try? PNGDecoder.decode(bytes, path: row.file, limits: options.limits)
                else { continue }
                let inspected = inspector.inspect(image: image)
                visuals[row.file] = ScreenshotCrop.visual(
                    image: image, symbols: inspected.symbols, quietZone: quietZone,
                    revealPersonalData: options.revealPersonalData)
            }
        }
        return HTMLRenderer.render(ReportView(check: report, spec: spec), visuals: visuals)
    }
}
