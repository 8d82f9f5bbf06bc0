import QRConformance

/// Renders a finished check report as JUnit XML or HTML, the same renderers `certify` uses.
public enum CheckRendering {
    public static func junit(_ report: CheckReport, spec: Spec) -> [UInt8] {
        JUnitRenderer.render(ReportView(check: report, spec: spec))
    }

    /// The HTML report; `visuals` are the QR crops the workers cut where they decoded each image, by file.
    public static func html(_ report: CheckReport, spec: Spec, visuals: [String: ScreenshotVisual]) -> [UInt8] {
        HTMLRenderer.render(ReportView(check: report, spec: spec), visuals: visuals)
    }
}
