import QRHarness
import Foundation
import QRConformance
import QRConformanceReports
import QRRegister
import QRErrors

/// `certify`: judges each submission, writes report.json (and its detached JWS when a key is given), junit.xml and
/// report.html into OUTPUT/<submission id>/, and records the run in the register when one is given.
public struct CertificationRun {
    /// What happened to one submission, in order, for the command line to show.
    public enum Event {
        /// Judged and written; the folder holds its reports.
        case certified(SubmissionReport, folder: String)
        /// Recorded in the register (or found already recorded: same submission, same spec).
        case recorded(submission: String, run: Int64, register: String, alreadyRecorded: Bool)
        /// The reports could not be written or recorded: the run ends in error, and the verdict is not announced.
        case failed(String)
    }

    public let certifier: SubmissionCertifier
    public let spec: LoadedSpec
    public var outputFolder: String
    public var register: Register?
    public var signingKey: ReportSigningKey?
    /// A self-test (the service's): every report is marked `SubmissionReport.testOnlyNotice`, none is signed and
    /// nothing is recorded, whatever `register` and `signingKey` say; the judging is exactly a certification's.
    public var testOnly = false

    /// One submission judged into one folder (`certify(_:into:vendor:)`).
    public struct Judged: Sendable {
        public let report: SubmissionReport
        public let folder: String
        /// The register run (certifications with a register); whether it was recorded before.
        public let run: Int64?
        public let alreadyRecorded: Bool
    }

    public init(
        inputs: CertificationInputs, workers: WorkerSettings, outputFolder: String, register: Register? = nil,
        signingKey: ReportSigningKey? = nil
    ) throws {
        (certifier, spec) = try inputs.certifier(workers: workers)
        self.outputFolder = outputFolder
        self.register = register
        self.signingKey = signingKey
    }

    /// Certifies every submission (a bad one gets an error report; the others still run); returns the worst verdict,
    /// `error` when some folder could not be written.
    public func run(_ submissions: [String], event: (Event) -> Void, progress: (Int) -> Void) -> Verdict {
        var worst = Verdict.pass
        var used: Set<String> = []
        for (done, path) in submissions.enumerated() {
            defer { progress(done + 1) }
            let result = certifier.certify(path: path)
            var name = result.outputName
            while !used.insert(name).inserted { name += "_" }
            let folder = URL(fileURLWithPath: outputFolder).appendingPathComponent(name)
            worst = max(worst, result.report.verdict)
            do {
                let written = try write(result, to: folder)
                if let register = recordingRegister {
                    let (run, already) = try record(result, written: written, in: register)
                    event(
                        .recorded(
                            submission: result.report.submission.id, run: run, register: register.path,
                            alreadyRecorded: already))
                }
            } catch {
                event(.failed(Self.describe(error, folder: folder)))
                worst = max(worst, .error)
                continue
            }
            event(.certified(result.report, folder: folder.path))
        }
        return worst
    }

    /// Judges one submission into `folder` (made if needed) and records it unless this is a self-test. With
    /// `vendor`, a manifest naming another vendor is refused before anything is recorded (the reports stay).
    public func certify(_ path: String, into folder: String, vendor: String? = nil) throws(QRError) -> Judged {
        let result = certifier.certify(path: path)
        let url = URL(fileURLWithPath: folder)
        let written: Written
        do {
            written = try write(result, to: url)
        } catch {
            throw error as? QRError ?? QRError(.output, code: .cannotWrite, file: folder, cause: "\(error)")
        }
        let report = written.submission
        if let vendor, let named = report.submission.vendor, named != vendor {
            throw SubmissionError.submission(
                code: .vendorMismatch, path: path,
                cause:
                    "the manifest names vendor \"\(named)\" but the upload came with a token of vendor \"\(vendor)\"; "
                    + "nothing was recorded")
        }
        guard let register = recordingRegister else {
            return Judged(report: report, folder: folder, run: nil, alreadyRecorded: false)
        }
        let (run, already) = try record(result, written: written, in: register)
        return Judged(report: report, folder: folder, run: run, alreadyRecorded: already)
    }

    /// The register runs are recorded in: none for a self-test.
    private var recordingRegister: Register? { testOnly ? nil : register }

    private static func describe(_ error: any Error, folder: URL) -> String {
        (error as? QRError)?.description ?? "\(folder.path): \(error)"
    }

    /// The report as written (marked when a self-test), the exact bytes of report.json and its detached signature.
    struct Written {
        let submission: SubmissionReport
        let report: [UInt8]
        let jws: String?
        let kid: String?
    }

    private func record(
        _ result: SubmissionCertifier.Result, written: Written, in register: Register
    ) throws(RegisterError) -> (run: Int64, alreadyRecorded: Bool) {
        let run = RegisterRun(
            report: result.report, reportBytes: written.report, contents: result.contents, signature: written.jws,
            signatureKID: written.kid, recordedAt: CheckReport.timestamp(Date()))
        switch try register.record(run, contents: result.contents) {
        case .recorded(let run): return (run, false)
        case .alreadyRecorded(let run): return (run, true)
        }
    }

    private func write(_ result: SubmissionCertifier.Result, to folder: URL) throws -> Written {
        try ReportFolder.create(folder.path)
        let submission = testOnly ? result.report.markedTestOnly() : result.report
        var view = ReportView(submission: submission, spec: spec.spec)
        let report = [UInt8](try submission.jsonData())
        try Output.write(report, to: folder.appendingPathComponent("report.json").path)
        var jws: String?
        if let key = signingKey, !testOnly {
            let signature = DetachedJWS.sign(report, with: key)
            try Output.write(Array((signature + "\n").utf8), to: folder.appendingPathComponent("report.json.jws").path)
            view = view.signed(by: key.signer, keyID: key.kid, signatureFile: "report.json.jws")
            jws = signature
        }
        try Output.write(JUnitRenderer.render(view), to: folder.appendingPathComponent("junit.xml").path)
        try Output.write(
            HTMLRenderer.render(view, visuals: result.visuals), to: folder.appendingPathComponent("report.html").path)
        return Written(submission: submission, report: report, jws: jws, kid: jws == nil ? nil : signingKey?.kid)
    }
}
