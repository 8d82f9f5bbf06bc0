import ArgumentParser
import Foundation
import QRConformance
import QRConformanceReports
import QRHarness
import QRRegister
import QRErrors

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
        let register = try self.register.map { try RegisterOption.open($0, access: .readWrite) }
        let key = try SigningKeyOption.load(signingKey)
        let setup = CertifierSetup(
            specIDOrPath: judging.spec.idOrPath, testPlanPath: testPlan, trustListPath: trustList,
            validationTime: judging.validationTime, revealPersonalData: judging.revealPersonalData,
            limits: judging.limits, batch: batch)
        let (certifier, loaded) = try setup.make()
        var worst = Verdict.pass
        var used: Set<String> = []
        let progress = Progress(total: submissions.count, enabled: !batch.quiet)
        for (done, path) in submissions.enumerated() {
            let result = certifier.certify(path: path)
            var name = result.outputName
            while !used.insert(name).inserted { name += "_" }
            let folder = URL(fileURLWithPath: output).appendingPathComponent(name)
            worst = max(worst, result.report.verdict)
            do {
                let written = try write(result, spec: loaded.spec, key: key, to: folder)
                if let register {
                    try record(result, written: written, in: register)
                }
            } catch {
                // The verdict is not announced for a folder that was not written: the run ends in error.
                progress.log(
                    (error as? QRError)?.description ?? (error as? OutputError)?.description
                        ?? "\(folder.path): \(error)")
                worst = max(worst, .error)
                progress.update(done + 1)
                continue
            }
            progress.clearLine()
            CertifySummary.print(result.report, folder: folder.path)
            progress.update(done + 1)
        }
        progress.finish()
        let code = CheckReport.exitCode(for: worst)
        if code != 0 { throw ExitCode(code) }
    }

    /// The exact bytes of report.json and its detached signature, as written.
    private struct Written {
        let report: [UInt8]
        let jws: String?
        let kid: String?
    }

    private func record(_ result: SubmissionCertifier.Result, written: Written, in register: Register) throws {
        let run = RegisterRun(
            report: result.report, reportBytes: written.report, contents: result.contents, signature: written.jws,
            signatureKID: written.kid, recordedAt: CheckReport.timestamp(Date()))
        switch try register.record(run, contents: result.contents) {
        case .recorded(let id):
            Diagnostics.raw(Data("\(result.report.submission.id): recorded as run \(id) in \(register.path)\n".utf8))
        case .alreadyRecorded(let id):
            let line =
                "\(result.report.submission.id): already recorded as run \(id) in \(register.path) "
                + "(same submission, same spec)\n"
            Diagnostics.raw(Data(line.utf8))
        }
    }

    private func write(_ result: SubmissionCertifier.Result, spec: Spec, key: ReportSigningKey?, to folder: URL) throws
        -> Written
    {
        try ReportFolder.create(folder.path)
        var view = ReportView(submission: result.report, spec: spec)
        let report = [UInt8](try result.report.jsonData())
        try Output.write(report, to: folder.appendingPathComponent("report.json").path)
        var jws: String?
        if let key {
            let signature = DetachedJWS.sign(report, with: key)
            try Output.write(Array((signature + "\n").utf8), to: folder.appendingPathComponent("report.json.jws").path)
            view = view.signed(by: key.signer, keyID: key.kid, signatureFile: "report.json.jws")
            jws = signature
        }
        try Output.write(JUnitRenderer.render(view), to: folder.appendingPathComponent("junit.xml").path)
        try Output.write(
            HTMLRenderer.render(view, visuals: result.visuals), to: folder.appendingPathComponent("report.html").path)
        return Written(report: report, jws: jws, kid: key?.kid)
    }
}
