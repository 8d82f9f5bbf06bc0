import ArgumentParser
import Foundation
import QRConformance
import QRHarness
import QRSymbol

/// Builds the submission certifier that `certify`, `verify-report` and `register recertify` share: spec, test
/// plan, payload trust list and the pool of worker processes, loaded the same way so the same inputs give the same
/// report bytes.
struct CertifierSetup {
    var specIDOrPath: String
    var testPlanPath: String
    var trustListPath: String
    var validationTime: Date
    var revealPersonalData = false
    var limits: LimitOptions
    var batch: BatchOptions
    /// The paths the report names (verify-report gives the recorded ones); nil: the paths read.
    var reportedTestPlanPath: String?
    var reportedTrustListPath: String?

    /// Loads everything; a bad spec, plan or trust list stops the run with exit 2 naming the file.
    func make() throws -> (certifier: SubmissionCertifier, spec: LoadedSpec) {
        let loaded = try SpecFile.load(idOrPath: specIDOrPath)
        let trust = try TrustListOption.load(trustListPath)
        let (plan, planBytes) = try Self.loadPlan(testPlanPath)
        let trustBytes = trust?.bytes ?? []
        var options = CheckOptions(
            spec: loaded, validationTime: validationTime, revealPersonalData: revealPersonalData,
            limits: limits.imageLimits, trustList: trust?.trustList, trustListSHA256: trust?.sha256)
        options.scannability = true  // certify always runs the scannability ladder (SYM-019)
        let workers = BatchConfiguration(
            jobs: batch.jobs, imageTimeout: batch.imageTimeout, executable: try SelfExecutable.path(),
            workerArguments: CheckArguments.workerArguments(
                spec: specIDOrPath, validationTime: validationTime, trustList: trustListPath, ppi: nil,
                revealPersonalData: revealPersonalData, displayMode: nil, limits: limits,
                expecting: (loaded.sha256, trust?.sha256), scannability: true))
        let certifier = try SubmissionCertifier(
            plan: plan, planFile: .init(path: reportedTestPlanPath ?? testPlanPath, bytes: planBytes),
            trustListFile: .init(path: reportedTrustListPath ?? trustListPath, bytes: trustBytes), options: options,
            judge: WorkerPoolJudge(configuration: workers),
            loader: IsolatedSubmissionLoader(executable: workers.executable, timeout: batch.imageTimeout))
        return (certifier, loaded)
    }

    static func loadPlan(_ path: String) throws -> (TestPlan, [UInt8]) {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path: path)
        } catch {
            Diagnostics.warn("\(path): cannot read the test plan: \(error)")
            throw ExitCode(2)
        }
        return (try TestPlan.decode(bytes, path: path), bytes)
    }
}
