import Foundation
import QRConformance
import QRConformanceReports
import QRImaging
import QRSymbol

/// Certifies submissions: read safely, judge every listed screenshot with the image rules, run the submission
/// rules, and build the report and the HTML crops. Never throws for a bad submission: it gets an `error` report.
///
/// ```swift
/// let certifier = try SubmissionCertifier(plan: plan, planFile: planFile, options: options)
/// let result = certifier.certify(path: "TestVectors/submissions/pass-acme")
/// ```
public final class SubmissionCertifier {
    /// One certified submission: its report, the crops for the HTML report and the folder name for its reports.
    public struct Result: Sendable {
        public let report: SubmissionReport
        public let visuals: [String: ScreenshotVisual]
        /// The submission id when the manifest gave a usable one, else a name derived from the path.
        public let outputName: String
        /// What was read and judged (nil when the submission could not be read), for the register's archive.
        public let contents: SubmissionContents?
    }

    public let plan: TestPlan
    public let planFile: SubmissionInputs.File
    public let trustListFile: SubmissionInputs.File?
    public let options: CheckOptions
    public let limits: SubmissionLimits
    private let judge: any ImageJudge
    private let loader: any SubmissionLoader
    /// Called with the number of screenshots judged so far in the current submission.
    public var progress: (Int) -> Void = { _ in }

    /// - Parameter judge: how screenshots are judged; nil judges them in this process (tests, library use),
    ///   the CLI passes a pool of worker processes so a crash in C costs one screenshot, not the run.
    /// - Parameter loader: how submissions are read; the CLI reads each in a worker process of its own, so a crash
    ///   or hang while parsing a crafted zip costs that submission, not the batch.
    public init(
        plan: TestPlan, planFile: SubmissionInputs.File, trustListFile: SubmissionInputs.File?, options: CheckOptions,
        limits: SubmissionLimits = .default, judge: (any ImageJudge)? = nil,
        loader: any SubmissionLoader = InProcessSubmissionLoader()
    ) throws(InspectorError) {
        self.loader = loader
        self.plan = plan
        self.planFile = planFile
        self.trustListFile = trustListFile
        var imageOptions = options
        imageOptions.spec = LoadedSpec(
            spec: SubmissionEvaluator.imageSpec(options.spec.spec), sha256: options.spec.sha256,
            origin: options.spec.origin)
        self.options = imageOptions
        self.limits = limits
        self.fullSpec = options.spec
        if let judge {
            self.judge = judge
        } else {
            self.judge = InProcessJudge(checker: try ImageChecker(options: imageOptions, concurrentPasses: true))
        }
    }

    private let fullSpec: LoadedSpec

    public func certify(path: String) -> Result {
        certify(
            loader.load(path: path, limits: limits), path: path,
            fileSHA256: Self.fileDigest(path, limit: limits.maxArchiveBytes))
    }

    /// The sha256 of a submission given as a file (a zip), what the report records; nil for a folder, and for a file
    /// over `limit` bytes or not regular (a FIFO), whose size and kind are checked before a byte is read.
    public static func fileDigest(_ path: String, limit: Int) -> String? {
        (try? InputFile.read(path: path, limit: limit)).map(Hashing.sha256Hex)
    }

    /// Certifies a submission already read (re-judging an archived one, or one read from another path): `path` and
    /// `fileSHA256` are what the report records as the submission and its digest. `alsoAccepting` names more specs
    /// the manifest may name (SUB-001): re-certification accepts the one a submission was made for, since the vendor
    /// could not name a later one.
    public func certify(
        _ read: Swift.Result<SubmissionContents, SubmissionError>, path: String, fileSHA256: String?,
        alsoAccepting: [String] = []
    ) -> Result {
        let fallbackName = Self.outputName(forPath: path)
        let contents: SubmissionContents
        switch read {
        case .success(let value): contents = value
        case .failure(let error):
            let report = makeReport(
                info: .init(id: fallbackName, vendor: nil, app: nil), path: path, digest: fileSHA256, files: [],
                screenshots: [], images: [], findings: [],
                error: ImageError(error))
            return Result(report: report, visuals: [:], outputName: fallbackName, contents: nil)
        }
        let manifest = contents.decodedManifest()
        let listed = (try? manifest.get())?.screenshots ?? []
        var jobs: [ImageJob] = []
        for screenshot in listed {
            // A listed file that is missing fails SUB-001; it gets no image row.
            guard let bytes = contents.files[screenshot.file] else { continue }
            jobs.append(
                ImageJob(
                    index: jobs.count, path: screenshot.file, data: Data(bytes), displayMode: screenshot.mode,
                    ppi: screenshot.ppi ?? DeviceCatalogue.device(named: screenshot.device)?.ppi,
                    wantsObservation: true, wantsVisual: true))
        }
        var images: [ImageReport] = []
        var observations: [String: ImageObservation] = [:]
        var visuals: [String: ScreenshotVisual] = [:]
        do {
            try judge.judge(
                jobs,
                emit: { judged in
                    let job = jobs[judged.index]
                    images.append(judged.report)
                    if let observation = judged.observation { observations[job.path] = observation }
                    if let visual = judged.visual { visuals[job.path] = visual }
                }, progress: progress)
        } catch {
            let report = makeReport(
                info: .init(id: fallbackName, vendor: nil, app: nil), path: path, digest: fileSHA256, files: [],
                screenshots: listed, images: images, findings: [],
                error: ImageError(.harness, message: "\(path): the screenshots could not be judged: \(error)"))
            return Result(report: report, visuals: visuals, outputName: fallbackName, contents: contents)
        }
        let context = SubmissionContext(
            plan: plan, manifest: manifest, files: Array(contents.files.keys), observations: observations,
            specNames: Set([fullSpec.spec.id, "\(fullSpec.spec.id)@\(fullSpec.spec.version)"] + alsoAccepting))
        let findings = SubmissionEvaluator(spec: fullSpec.spec).evaluate(context)
        let info: SubmissionReport.Info
        if case .success(let value) = manifest {
            info = .init(id: value.id, vendor: value.vendor, app: value.app)
        } else {
            info = .init(id: fallbackName, vendor: nil, app: nil)
        }
        var files = contents.files.map { SubmissionInputs.File(path: $0.key, bytes: $0.value) }
        if let bytes = contents.manifest { files.append(.init(path: SubmissionManifest.fileName, bytes: bytes)) }
        let report = makeReport(
            info: info, path: path, digest: fileSHA256, files: files, screenshots: listed, images: images,
            findings: findings, error: nil)
        return Result(report: report, visuals: visuals, outputName: info.id, contents: contents)
    }

    private func makeReport(
        info: SubmissionReport.Info, path: String, digest: String?, files: [SubmissionInputs.File],
        screenshots: [SubmissionManifest.Screenshot], images: [ImageReport], findings: [Finding], error: ImageError?
    ) -> SubmissionReport {
        let inputs = SubmissionInputs(
            testPlan: planFile, trustList: trustListFile, submission: path, submissionSHA256: digest, files: files)
        var runError = error
        if runError == nil, let missing = options.missingTrustListError { runError = missing }
        return SubmissionReport(
            tool: .init(name: Harness.toolName, version: Harness.toolVersion), spec: fullSpec,
            validationTime: options.validationTime, submission: info, inputs: inputs, screenshots: screenshots,
            images: images, findings: findings, error: runError)
    }

    /// A safe folder name from a submission path: its last component without `.zip`, odd characters as `_`.
    public static func outputName(forPath path: String) -> String {
        var name = URL(fileURLWithPath: path).lastPathComponent
        if name.lowercased().hasSuffix(".zip") { name = String(name.dropLast(4)) }
        let safe = String(
            name.unicodeScalars.prefix(64).map { scalar -> Character in
                let c = Character(scalar)
                return c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".") ? c : "_"
            })
        return SubmissionManifest.isIdentifier(safe) ? safe : "submission"
    }
}
