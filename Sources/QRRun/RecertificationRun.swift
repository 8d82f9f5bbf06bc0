import QRHarness
import Foundation
import QRConformance
import QRImaging
import QRRegister

/// `register recertify`: judges the latest archived submission of every app again under another spec, recording
/// nothing, and says which verdicts change.
public struct RecertificationRun {
    /// What came of the register's latest runs.
    public struct Result: Sendable {
        public var changes: [Recertification] = []
        /// Runs passed over, each with why.
        public var skipped: [String] = []
        /// Some run was passed over or judged again with an error.
        public var unjudged = false

        /// An app certified now (latest verdict pass) that would fail under the other spec.
        public var losesCertificationToFail: Bool { changes.contains { $0.losesCertification && $0.now == .fail } }
    }

    public var spec: String
    /// Override the test plan and trust list each run records.
    public var testPlanPath: String?
    public var trustListPath: String?
    public var validationTime: Date
    public var limits: ImageLimits
    public var workers: WorkerSettings

    public init(
        spec: String, testPlanPath: String?, trustListPath: String?, validationTime: Date, limits: ImageLimits,
        workers: WorkerSettings
    ) {
        self.spec = spec
        self.testPlanPath = testPlanPath
        self.trustListPath = trustListPath
        self.validationTime = validationTime
        self.limits = limits
        self.workers = workers
    }

    /// Judges again; throws when the register cannot be read or a spec, plan or trust list cannot be loaded.
    public func run(on register: Register) throws -> Result {
        var result = Result()
        // One certifier per (test plan, trust list); a manifest may also name the spec its run was made under.
        var certifiers: [String: SubmissionCertifier] = [:]
        for run in try register.latestPerApp() {
            let label = "run \(run.id ?? 0) (\(run.appLabel))"
            guard let contents = try register.contents(of: run) else {
                result.skipped.append("\(label): the submission is not archived; not judged again")
                result.unjudged = true
                continue
            }
            guard let trust = trustListPath ?? run.trustListPath else {
                result.skipped.append("\(label): no trust list recorded; give --trust-list")
                result.unjudged = true
                continue
            }
            let plan = testPlanPath ?? run.testPlanPath
            let key = plan + "\u{0}" + trust
            let certifier: SubmissionCertifier
            if let cached = certifiers[key] {
                certifier = cached
            } else {
                var inputs = CertificationInputs(
                    spec: spec, testPlanPath: plan, trustListPath: trust, validationTime: validationTime)
                inputs.limits = limits
                certifier = try inputs.certifier(workers: workers).certifier
                certifiers[key] = certifier
            }
            let digest = run.submissionPath.lowercased().hasSuffix(".zip") ? run.submissionSHA256 : nil
            let report = certifier.certify(
                .success(contents), path: run.submissionPath, fileSHA256: digest,
                alsoAccepting: ["\(run.specID)@\(run.specVersion)"]
            ).report
            if report.verdict == .error { result.unjudged = true }
            result.changes.append(Recertification(then: run, now: report))
        }
        return result
    }
}
