import ArgumentParser
import Foundation
import QRConformance
import QRConformanceReports
import QRErrors
import QRHarness
import QRRun

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
            reports). With --register FILE each run is recorded in the register (the same submission under the \
            same spec once); with --signing-key KEY each report.json gets a detached JWS, report.json.jws.
            """
    )

    @Argument(help: "Submission folders or .zip files.") var submissions: [String]
    @Option(help: "The certification centre's test plan (JSON).") var testPlan: String
    @Option(help: "Trust list (JWKS) of the keys that may sign payloads.") var trustList: String
    @OptionGroup var judging: JudgingOptions
    @Option(help: "Folder for the reports; each submission gets a subfolder named by its id.")
    var output: String = "Reports"
    @Option(help: "Record every run in this register (an SQLite file, made on first use).") var register: String?
    @Option(help: "The centre's report-signing key (EC P-256 private JWK); writes report.json.jws beside each report.")
    var signingKey: String?
    @OptionGroup var batch: BatchOptions

    func validate() throws {
        if batch.shard != nil { throw ValidationError("--shard applies to check; certify judges whole submissions") }
    }

    func run() throws {
        var inputs = CertificationInputs(
            spec: judging.spec.idOrPath, testPlanPath: testPlan, trustListPath: trustList,
            validationTime: judging.validationTime)
        inputs.revealPersonalData = judging.revealPersonalData
        inputs.limits = judging.limits.imageLimits
        let certification = try CertificationRun(
            inputs: inputs, workers: try batch.workers(), outputFolder: output,
            register: try register.map { try RegisterOption.open($0, access: .readWrite) },
            signingKey: try SigningKeyOption.load(signingKey))
        let progress = Progress(total: submissions.count, enabled: !batch.quiet)
        let worst = certification.run(
            submissions,
            event: { event in
                switch event {
                case .certified(let report, let folder):
                    progress.clearLine()
                    let lines = SubmissionSummaryText.lines(report, folder: folder, colour: isatty(STDERR_FILENO) != 0)
                    Diagnostics.raw(Data((lines.joined(separator: "\n") + "\n").utf8))
                case .recorded(let submission, let run, let register, let already):
                    let line =
                        already
                        ? "\(submission): already recorded as run \(run) in \(register) (same submission, same spec)"
                        : "\(submission): recorded as run \(run) in \(register)"
                    Diagnostics.raw(Data((line + "\n").utf8))
                case .failed(let message): progress.log(message)
                }
            }, progress: progress.update)
        progress.finish()
        try ExitStatus.exit(for: worst)
    }
}
