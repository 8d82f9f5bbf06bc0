import QRSymbol
import QRHarness
import Foundation
import QRConformance
import QRImaging

/// What `certify`, `verify-report` and `register recertify` judge submissions with: spec, test plan, payload trust
/// list, validation time and limits, loaded the same way so the same inputs give the same report bytes.
public struct CertificationInputs: Sendable {
    /// A bundled spec id (id@version) or a rules.json path.
    public var spec: String
    public var testPlanPath: String
    public var trustListPath: String
    public var validationTime: Date
    public var revealPersonalData = false
    public var limits: ImageLimits = .default
    /// The paths the report names (verify-report gives the recorded ones); nil: the paths read.
    public var reportedTestPlanPath: String?
    public var reportedTrustListPath: String?

    public init(spec: String, testPlanPath: String, trustListPath: String, validationTime: Date) {
        self.spec = spec
        self.testPlanPath = testPlanPath
        self.trustListPath = trustListPath
        self.validationTime = validationTime
    }

    /// Loads everything and builds the certifier, judging screenshots in worker processes and reading each
    /// submission in one of its own; a bad spec, plan or trust list throws naming the file.
    public func certifier(workers: WorkerSettings) throws -> (certifier: SubmissionCertifier, spec: LoadedSpec) {
        let (loaded, source) = try SpecFile.loadWithSource(idOrPath: spec)
        let trust = try TrustListFile.load(path: trustListPath)
        let planBytes = try TestPlanFile.read(testPlanPath)
        let plan = try TestPlan.decode(planBytes, path: testPlanPath)
        var options = CheckOptions(
            spec: loaded, validationTime: validationTime, revealPersonalData: revealPersonalData, limits: limits,
            trustList: trust.trustList, trustListSHA256: trust.sha256)
        options.scannability = true  // certify always runs the scannability ladder (SYM-019)
        // The display mode comes with each screenshot's job, from the manifest.
        let batch = workers.batch(
            WorkerConfiguration(options: options, spec: source, trustList: (trustListPath, trust.bytes)))
        let certifier = try SubmissionCertifier(
            plan: plan, planFile: .init(path: reportedTestPlanPath ?? testPlanPath, bytes: planBytes),
            trustListFile: .init(path: reportedTrustListPath ?? trustListPath, bytes: trust.bytes), options: options,
            judge: WorkerPoolJudge(configuration: batch),
            loader: IsolatedSubmissionLoader(executable: workers.executable, timeout: workers.imageTimeout))
        return (certifier, loaded)
    }
}

/// Reads a test plan's bytes; an unreadable file is a `SubmissionError` naming it.
enum TestPlanFile {
    static func read(_ path: String) throws(SubmissionError) -> [UInt8] {
        do {
            return try InputFile.read(path: path)
        } catch {
            throw SubmissionError.submission(
                code: .unreadable, path: path, cause: "cannot read the test plan: \(error)")
        }
    }
}
