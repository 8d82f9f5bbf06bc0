import ArgumentParser
import Foundation
import QRConformance
import QRConformanceReports
import QRHarness

/// `qrconform certify`: judge vendor submissions against a test plan and write JSON, JUnit and HTML reports.
struct CertifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certify",
        abstract: "Certify vendor submissions (folders or .zip files) against the centre's test plan.",
        discussion: """
            Each submission gets report.json, junit.xml and report.html in OUTPUT/<submission id>/ \
            (default Reports/<submission id>/). Exit status, the worst over all submissions: 0 every submission \
            passes, 3 inconclusive (no rule failed, but a required rule could not be judged: each report says what \
            is missing), 1 some submission fails, 2 a harness or input error (the other submissions still run and get \
            reports).
            """
    )

    @Argument(help: "Submission folders or .zip files.") var submissions: [String]
    @Option(help: "The certification centre's test plan (JSON).") var testPlan: String
    @Option(help: "Trust list (JWKS) of the keys that may sign payloads.") var trustList: String
    @OptionGroup var spec: SpecOptions
    @Option(help: "Validation time, RFC 3339 (2026-01-02T03:04:05Z, 2026-01-02T10:04:05+07:00) or a date (2026-01-02, midnight UTC); default now.") var at: String?
    @Option(help: "Folder for the reports; each submission gets a subfolder named by its id.")
    var output: String = "Reports"
    @Flag(help: "Show ID number, birth date, phone and insurance number in full (default: masked).")
    var revealPersonalData = false
    @OptionGroup var limits: LimitOptions
    @OptionGroup var batch: BatchOptions

    func validate() throws {
        if batch.shard != nil { throw ValidationError("--shard applies to check; certify judges whole submissions") }
        if let at, let message = ValidationTime.usageMessage(at) { throw ValidationError(message) }
    }

    func run() throws {
        let loaded = try spec.load()
        let trust = try TrustListOption.load(trustList)
        let planBytes: [UInt8]
        do {
            planBytes = try InputFile.read(path: testPlan)
        } catch {
            Diagnostics.warn("\(testPlan): cannot read the test plan: \(error)")
            throw ExitCode(2)
        }
        let plan: TestPlan
        do {
            plan = try TestPlan.decode(planBytes, path: testPlan)
        } catch {
            Diagnostics.warn(error.description)
            throw ExitCode(2)
        }
        let trustBytes = (try? InputFile.read(path: trustList)) ?? []
        let options = CheckOptions(
            spec: loaded, validationTime: at.flatMap(ValidationTime.parse) ?? ValidationTime.now(),
            revealPersonalData: revealPersonalData, limits: limits.imageLimits, trustList: trust?.trustList,
            trustListSHA256: trust?.sha256)
        let workers = BatchConfiguration(
            jobs: batch.jobs, imageTimeout: batch.imageTimeout, executable: try SelfExecutable.path(),
            workerArguments: CheckArguments.workerArguments(
                spec: spec.idOrPath, validationTime: options.validationTime, trustList: trustList, ppi: nil,
                revealPersonalData: revealPersonalData, displayMode: nil, limits: limits))
        let certifier = try SubmissionCertifier(
            plan: plan, planFile: .init(path: testPlan, bytes: planBytes),
            trustListFile: .init(path: trustList, bytes: trustBytes), options: options,
            judge: WorkerPoolJudge(configuration: workers))
        var worst = Verdict.pass
        var used: Set<String> = []
        for path in submissions {
            let result = certifier.certify(path: path)
            var name = result.outputName
            while !used.insert(name).inserted { name += "_" }
            let folder = URL(fileURLWithPath: output).appendingPathComponent(name)
            do {
                try write(result, spec: loaded.spec, to: folder)
            } catch let error as OutputError {
                Diagnostics.warn(error.description)
                worst = max(worst, .error)
            } catch {
                Diagnostics.warn("\(folder.path): cannot create the report folder: \(error.localizedDescription)")
                worst = max(worst, .error)
            }
            worst = max(worst, result.report.verdict)
            CertifySummary.print(result.report, folder: folder.path)
        }
        let code = CheckReport.exitCode(for: worst)
        if code != 0 { throw ExitCode(code) }
    }

    private func write(_ result: SubmissionCertifier.Result, spec: Spec, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let view = ReportView(submission: result.report, spec: spec)
        try Output.write([UInt8](result.report.jsonData()), to: folder.appendingPathComponent("report.json").path)
        try Output.write(JUnitRenderer.render(view), to: folder.appendingPathComponent("junit.xml").path)
        try Output.write(HTMLRenderer.render(view, visuals: result.visuals), to: folder.appendingPathComponent("report.html").path)
    }
}
