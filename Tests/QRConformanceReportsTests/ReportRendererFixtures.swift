import Foundation
import QRConformance
import QRConformanceReports
import QRSymbol

/// Hand-built reports with hostile text, for the renderer tests.
enum ReportRendererFixtures {
    static let hostile = "<script>alert('x')</script> & \"quoted\" \u{1}"

    static func finding(_ rule: String, _ outcome: RuleOutcome, _ message: String = "message") -> Finding {
        Finding(
            rule: rule, outcome: outcome, severity: outcome == .warn ? .warning : .error, message: message,
            evidence: Evidence(measured: "3", limit: "4", where: "symbol"), symbol: nil)
    }

    static func report(error: ImageError? = nil) throws -> SubmissionReport {
        let spec = try SpecCatalog.load(named: SpecCatalog.defaultID)
        let image = ImageReport(
            file: "p01 <default>.png", sha256: String(repeating: "a", count: 64), symbols: [], payload: nil,
            findings: [
                finding("SYM-002", .fail, hostile), finding("SYM-003", .pass),
                finding("SYM-017", .inconclusive, "no ppi"),
            ])
        let broken = ImageReport(
            file: "broken.png", sha256: nil, error: ImageError(code: .init("truncated"), message: "file ends early"))
        return SubmissionReport(
            tool: .init(name: "qrconform", version: "0.1.0"), spec: spec,
            validationTime: Date(timeIntervalSince1970: 0),
            submission: .init(id: "ACME-1", vendor: hostile, app: .init(name: "A", version: "1", platform: "ios")),
            inputs: SubmissionInputs(
                testPlan: .init(path: "plan.json", bytes: [1]), trustList: nil, submission: "s.zip",
                submissionSHA256: nil,
                files: []),
            screenshots: [.init(file: "p01 <default>.png", persona: "P01", mode: .default, device: hostile, ppi: 416)],
            images: [image, broken],
            findings: [
                finding("SUB-002", .warn, "files not listed"),
                finding("SUB-004", .fail, "persona P02 has no screenshot"),
            ],
            error: error)
    }

    static let visual = ScreenshotVisual(
        png: [0x89, 0x50, 0x4E, 0x47], width: 100, height: 100,
        symbols: [
            SymbolOverlay(
                corners: [Point(x: 10, y: 10), Point(x: 10, y: 90), Point(x: 90, y: 90), Point(x: 90, y: 10)],
                modules: 21, quietZone: 4)
        ])
}
