import ArgumentParser
import Foundation
import QRConformance
import QRHarness
import QRRun

/// `qrconform verify-report`: is this report.json the one the centre signed, and does judging its submission
/// again give the same bytes?
struct VerifyReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-report",
        abstract: "Verify a signed certify report (report.json + report.json.jws) against the centre's keys.",
        discussion: """
            Checks the detached JWS (ES256) over the exact bytes of REPORT against the centre's published \
            report-signing keys. With --submission it also judges the submission again under the spec, validation \
            time, test plan and trust list the report records, and checks that the new report is byte-identical. \
            Exit 0 valid (and reproduced), 2 invalid (with the reason) or an input error.
            """
    )

    @Argument(help: "The report.json to verify.") var report: String
    @Option(help: "The centre's report-signing keys (JWKS of EC P-256 public keys).") var trustList: String
    @Option(help: "The detached signature (default: REPORT.jws).") var signature: String?
    @Option(help: "The submission (folder or .zip) to judge again; the report must come out byte-identical.")
    var submission: String?
    @Option(help: "The test plan to judge with (default: the path the report records; its sha256 must match).")
    var testPlan: String?
    @Option(help: "The payload trust list to judge with (default: the path the report records; its sha256 must match).")
    var payloadTrustList: String?
    @OptionGroup var limits: LimitOptions
    @OptionGroup var batch: BatchOptions

    func run() throws {
        let (reportBytes, outcome) = try ReportSignatureCheck.verify(
            report: report, signature: signature ?? report + ".jws", keys: trustList)
        switch outcome {
        case .invalid(let reason):
            Diagnostics.warn("\(report): invalid: \(reason)")
            throw ExitCode(2)
        case .valid(let key):
            try Output.print("valid: \(report) is signed by \(key.name ?? "key \(key.kid)") (key \(key.kid))")
        }
        guard let submission else { return }
        let reproduction = ReportReproduction(
            testPlanPath: testPlan, trustListPath: payloadTrustList, limits: limits.imageLimits,
            workers: try batch.workers())
        switch try reproduction.reproduce(reportBytes, reportPath: report, submission: submission) {
        case .differs(let reason):
            Diagnostics.warn("\(report): invalid: \(reason)")
            throw ExitCode(2)
        case .reproduced(let spec, let time, let sha256):
            try Output.print(
                "reproducible: \(submission) judged again under \(spec) at \(time) gives report.json byte for byte "
                    + "(sha256 \(sha256))")
        }
    }
}
