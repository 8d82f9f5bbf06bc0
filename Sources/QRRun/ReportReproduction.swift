import QRSymbol
import QRHarness
import Foundation
import QRConformance
import QRImaging

/// `verify-report --submission`: judges a submission again as a signed report says it was judged (spec, validation
/// time, test plan and trust list it records) and compares the bytes.
public struct ReportReproduction {
    public enum Outcome: Equatable, Sendable {
        /// The same bytes: the spec (id@version) and validation time judged under, and the report's sha256.
        case reproduced(spec: String, validationTime: String, sha256: String)
        /// Not reproduced, and why.
        case differs(String)
    }

    public var testPlanPath: String?
    public var trustListPath: String?
    public var limits: ImageLimits
    public var workers: WorkerSettings

    /// - Parameters: `testPlanPath` and `trustListPath` override the paths the report records (their sha256 must
    ///   still match).
    public init(testPlanPath: String?, trustListPath: String?, limits: ImageLimits, workers: WorkerSettings) {
        self.testPlanPath = testPlanPath
        self.trustListPath = trustListPath
        self.limits = limits
        self.workers = workers
    }

    /// Judges `submission` again as `reportBytes` (read from `reportPath`) records; throws when an input cannot be
    /// loaded at all.
    public func reproduce(_ reportBytes: [UInt8], reportPath: String, submission: String) throws -> Outcome {
        let provenance = try SubmissionReportProvenance.decode(reportBytes, path: reportPath)
        if provenance.tool.version != Harness.toolVersion {
            return .differs(
                "made by \(provenance.tool.name) \(provenance.tool.version); this is \(Harness.toolVersion), "
                    + "which may judge differently: verify with the same version")
        }
        guard let time = ValidationTime.parse(provenance.validationTime) else {
            return .differs("the recorded validation time \(provenance.validationTime) is not RFC 3339")
        }
        guard let recordedTrust = provenance.inputs.trustList else {
            return .differs("the report records no trust list, so its signatures cannot be checked again")
        }
        let planPath = testPlanPath ?? provenance.inputs.testPlan.path
        let trustPath = trustListPath ?? recordedTrust.path
        if let reason = Self.mismatch(planPath, expected: provenance.inputs.testPlan.sha256, what: "test plan")
            ?? Self.mismatch(trustPath, expected: recordedTrust.sha256, what: "trust list")
        {
            return .differs(reason)
        }
        var inputs = CertificationInputs(
            spec: "\(provenance.spec.id)@\(provenance.spec.version)", testPlanPath: planPath,
            trustListPath: trustPath, validationTime: time)
        inputs.limits = limits
        inputs.reportedTestPlanPath = provenance.inputs.testPlan.path
        inputs.reportedTrustListPath = recordedTrust.path
        let (certifier, loaded) = try inputs.certifier(workers: workers)
        if loaded.sha256 != provenance.spec.sha256 {
            return .differs(
                "the bundled spec \(provenance.spec.id)@\(provenance.spec.version) has sha256 \(loaded.sha256), "
                    + "not the \(provenance.spec.sha256) the report was judged under")
        }
        // Read in a worker process as certify reads it, so a crafted submission crashes or hangs only the worker.
        let loader = IsolatedSubmissionLoader(
            executable: workers.executable, timeout: workers.imageTimeout, inBatch: false)
        let read = loader.load(path: submission, limits: certifier.limits).map {
            SubmissionContents(source: provenance.inputs.submission, manifest: $0.manifest, files: $0.files)
        }
        let digest = SubmissionCertifier.fileDigest(submission, limit: certifier.limits.maxArchiveBytes)
        let result = certifier.certify(read, path: provenance.inputs.submission, fileSHA256: digest)
        let again = [UInt8](try result.report.jsonData())
        guard again == reportBytes else {
            if case .failure(let error) = read {
                return .differs(
                    "judging \(submission) again gives another report, since it could not be read now: \(error)")
            }
            return .differs(
                "judging \(submission) again gives another report: \(Self.firstDifference(again, reportBytes))")
        }
        return .reproduced(
            spec: "\(provenance.spec.id)@\(provenance.spec.version)", validationTime: provenance.validationTime,
            sha256: Hashing.sha256Hex(again))
    }

    private static func mismatch(_ path: String, expected: String, what: String) -> String? {
        guard let bytes = try? InputFile.read(path: path) else { return "cannot read the \(what) \(path)" }
        let digest = Hashing.sha256Hex(bytes)
        guard digest != expected else { return nil }
        return "the \(what) \(path) has sha256 \(digest), not the \(expected) the report records"
    }

    /// The first line where two reports differ, as `line N is … now, … in the report`.
    static func firstDifference(_ new: [UInt8], _ old: [UInt8]) -> String {
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
}
