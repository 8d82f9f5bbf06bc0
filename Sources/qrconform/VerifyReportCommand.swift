import ArgumentParser
import Foundation
import QRConformance
import QRHarness
import QRSymbol

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
        let reportBytes = try read(report, what: "report")
        let signaturePath = signature ?? report + ".jws"
        let keys = try ReportSigningKeys.parse(data: try read(trustList, what: "key list"), path: trustList)
        let jws = try DetachedJWS.parse(try read(signaturePath, what: "signature"), path: signaturePath)
        switch ReportVerifier.verify(report: reportBytes, jws: jws, keys: keys) {
        case .invalid(let reason):
            Diagnostics.warn("\(report): invalid: \(reason)")
            throw ExitCode(2)
        case .valid(let key):
            try Output.print("valid: \(report) is signed by \(key.name ?? "key \(key.kid)") (key \(key.kid))")
        }
        guard let submission else { return }
        if let reason = try reproduce(reportBytes, submission: submission) {
            Diagnostics.warn("\(report): invalid: \(reason)")
            throw ExitCode(2)
        }
    }

    /// Judges the submission again as the report says it was judged; nil when the bytes are the same, else why not.
    private func reproduce(_ reportBytes: [UInt8], submission: String) throws -> String? {
        let provenance = try SubmissionReportProvenance.decode(reportBytes, path: report)
        if provenance.tool.version != Harness.toolVersion {
            return "made by \(provenance.tool.name) \(provenance.tool.version); this is \(Harness.toolVersion), "
                + "which may judge differently: verify with the same version"
        }
        guard let time = ValidationTime.parse(provenance.validationTime) else {
            return "the recorded validation time \(provenance.validationTime) is not RFC 3339"
        }
        guard let recordedTrust = provenance.inputs.trustList else {
            return "the report records no trust list, so its signatures cannot be checked again"
        }
        let planPath = testPlan ?? provenance.inputs.testPlan.path
        let trustPath = payloadTrustList ?? recordedTrust.path
        if let reason = mismatch(planPath, expected: provenance.inputs.testPlan.sha256, what: "test plan")
            ?? mismatch(trustPath, expected: recordedTrust.sha256, what: "trust list")
        {
            return reason
        }
        let setup = CertifierSetup(
            specIDOrPath: "\(provenance.spec.id)@\(provenance.spec.version)", testPlanPath: planPath,
            trustListPath: trustPath, validationTime: time, limits: limits, batch: batch,
            reportedTestPlanPath: provenance.inputs.testPlan.path, reportedTrustListPath: recordedTrust.path)
        let (certifier, loaded) = try setup.make()
        if loaded.sha256 != provenance.spec.sha256 {
            return "the bundled spec \(provenance.spec.id)@\(provenance.spec.version) has sha256 \(loaded.sha256), "
                + "not the \(provenance.spec.sha256) the report was judged under"
        }
        // Read in a worker process as certify reads it, so a crafted submission crashes or hangs only the worker.
        let loader = IsolatedSubmissionLoader(
            executable: try SelfExecutable.path(), timeout: batch.imageTimeout, inBatch: false)
        let read = loader.load(path: submission, limits: certifier.limits).map {
            SubmissionContents(source: provenance.inputs.submission, manifest: $0.manifest, files: $0.files)
        }
        let digest = SubmissionCertifier.fileDigest(submission, limit: certifier.limits.maxArchiveBytes)
        let result = certifier.certify(read, path: provenance.inputs.submission, fileSHA256: digest)
        let again = [UInt8](try result.report.jsonData())
        guard again == reportBytes else {
            if case .failure(let error) = read {
                return "judging \(submission) again gives another report, since it could not be read now: \(error)"
            }
            return "judging \(submission) again gives another report: \(firstDifference(again, reportBytes))"
        }
        try Output.print(
            "reproducible: \(submission) judged again under \(provenance.spec.id)@\(provenance.spec.version) at "
                + "\(provenance.validationTime) gives report.json byte for byte (sha256 \(Hashing.sha256Hex(again)))")
        return nil
    }

    private func mismatch(_ path: String, expected: String, what: String) -> String? {
        guard let bytes = try? InputFile.read(path: path) else { return "cannot read the \(what) \(path)" }
        let digest = Hashing.sha256Hex(bytes)
        guard digest != expected else { return nil }
        return "the \(what) \(path) has sha256 \(digest), not the \(expected) the report records"
    }

    /// The first line where two reports differ, as `line N: "…" now, "…" in the report`.
    private func firstDifference(_ new: [UInt8], _ old: [UInt8]) -> String {
        let a = String(decoding: new, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let b = String(decoding: old, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? String(a[index]) : "(end)"
            let right = index < b.count ? String(b[index]) : "(end)"
            if left != right {
                return "line \(index + 1) is \(left.trimmingCharacters(in: .whitespaces)) now, "
                    + "\(right.trimmingCharacters(in: .whitespaces)) in the report"
            }
        }
        return "they differ in length"
    }

    private func read(_ path: String, what: String) throws -> [UInt8] {
        do {
            return try InputFile.read(path: path)
        } catch {
            Diagnostics.warn("\(path): cannot read the \(what): \(error)")
            throw ExitCode(2)
        }
    }
}
