import Foundation
import QRConformance
@testable import QRRegister

/// Hand-built reports, submissions and temporary register files for the register tests.
enum RegisterFixtures {
    static let spec11: LoadedSpec = { (try? SpecCatalog.load(named: "vn-personal-qr@1.1")) ?? fallbackSpec() }()

    static func fallbackSpec() -> LoadedSpec { preconditionFailure("the bundled spec 1.1 does not load") }

    static func finding(_ rule: String, _ outcome: RuleOutcome) -> Finding {
        Finding(rule: rule, outcome: outcome, severity: .error, message: "m", evidence: Evidence(), symbol: nil)
    }

    /// A folder-like submission with a manifest and two small files; `tag` makes its content (and digest) unique.
    static func contents(_ tag: String = "a") -> SubmissionContents {
        SubmissionContents(
            source: "submissions/\(tag)", manifest: Array("{\"id\":\"\(tag)\"}".utf8),
            files: ["p01-default.png": Array("png \(tag)".utf8), "nested/p02-full.png": [0, 1, 2, 255]])
    }

    static func report(
        id: String = "S-1", app: String = "ACME ID", version: String = "2.3.1", findings: [Finding] = [],
        time: String = "2026-01-02T03:04:05Z", path: String = "submissions/a"
    ) -> SubmissionReport {
        let plan = SubmissionInputs.File(path: "plan.json", bytes: Array("plan".utf8))
        let trust = SubmissionInputs.File(path: "trust.jwks", bytes: Array("trust".utf8))
        return SubmissionReport(
            tool: .init(name: "qrconform", version: "0.1.0"), spec: spec11,
            validationTime: ISO8601DateFormatter().date(from: time) ?? Date(timeIntervalSince1970: 0),
            submission: .init(
                id: id, vendor: "ACME (TEST)", app: .init(name: app, version: version, platform: "android")),
            inputs: SubmissionInputs(
                testPlan: plan, trustList: trust, submission: path, submissionSHA256: nil, files: []),
            screenshots: [], images: [], findings: findings, error: nil)
    }

    static func run(
        _ report: SubmissionReport, contents: SubmissionContents?, recordedAt: String = "2026-01-02T03:04:05Z"
    ) -> RegisterRun {
        let bytes = (try? report.jsonData()).map { [UInt8]($0) } ?? []
        return RegisterRun(
            report: report, reportBytes: bytes, contents: contents, signature: nil, signatureKID: nil,
            recordedAt: recordedAt)
    }

    /// A fresh folder for register files, removed by the caller.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "qrconform-register-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
