import Foundation

/// The result of certifying one submission: the check report's shape plus the submission, its inputs and rules.
///
/// ```swift
/// let report = SubmissionReport(tool: tool, spec: loaded, validationTime: at, submission: info,
///                               inputs: inputs, screenshots: manifest.screenshots, images: images,
///                               findings: findings, error: nil)
/// let bytes = try report.jsonData()   // sorted keys, byte-identical for the same inputs
/// ```
public struct SubmissionReport: Sendable, Equatable, Encodable {
    /// The report format version written by this build (shared with `CheckReport`).
    public static let formatVersion = CheckReport.formatVersion

    /// Who submitted which app; vendor and app are nil when the manifest could not be read.
    public struct Info: Sendable, Equatable, Encodable {
        public let id: String
        public let vendor: String?
        public let app: SubmissionManifest.App?

        public init(id: String, vendor: String?, app: SubmissionManifest.App?) {
            self.id = id
            self.vendor = vendor
            self.app = app
        }

        private enum CodingKeys: String, CodingKey { case id, vendor, app }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(vendor, forKey: .vendor)
            try container.encode(app, forKey: .app)
        }
    }

    public let format: Int
    public let tool: CheckReport.Tool
    public let spec: CheckReport.SpecReference
    public let validationTime: String
    public let verdict: Verdict
    public let submission: Info
    public let inputs: SubmissionInputs
    /// The manifest's screenshot list (empty when it could not be read).
    public let screenshots: [SubmissionManifest.Screenshot]
    /// One entry per listed screenshot, in manifest order.
    public let images: [ImageReport]
    /// The submission rules' findings.
    public let findings: [Finding]
    /// Why the submission could not be judged at all (refused container, ...), else nil.
    public let error: ImageError?
    public let summary: CheckReport.Summary
    /// Set on a service self-test's report (`markedTestOnly()`): it judges exactly as a certification but certifies
    /// nothing, and says so in every copy. Absent from the JSON of every other report.
    public private(set) var testOnly: String?

    /// The words every self-test report and page carries, in English and Vietnamese.
    public static let testOnlyNotice = "TEST ONLY — not a certification / CHỈ ĐỂ TỰ KIỂM TRA — không phải chứng nhận"

    private enum CodingKeys: String, CodingKey {
        case format, tool, spec, verdict, submission, inputs, screenshots, images, findings, error, summary
        case validationTime = "validation_time"
        case testOnly = "test_only"
    }

    public init(
        tool: CheckReport.Tool, spec: LoadedSpec, validationTime: Date, submission: Info, inputs: SubmissionInputs,
        screenshots: [SubmissionManifest.Screenshot], images: [ImageReport], findings: [Finding], error: ImageError?
    ) {
        format = Self.formatVersion
        self.tool = tool
        self.spec = CheckReport.SpecReference(id: spec.spec.id, version: spec.spec.version, sha256: spec.sha256)
        self.validationTime = CheckReport.timestamp(validationTime)
        self.submission = submission
        self.inputs = inputs
        self.screenshots = screenshots
        self.images = images
        self.findings = Finding.sorted(findings)
        self.error = error
        summary = CheckReport.Summary(images.map(\.verdict))
        verdict = Self.verdict(error: error, images: images, findings: findings)
    }

    /// The worst of: `error` when the submission could not be judged, each screenshot's verdict, and what the
    /// submission rules' findings support (`Verdict.of`).
    public static func verdict(error: ImageError?, images: [ImageReport], findings: [Finding]) -> Verdict {
        if error != nil { return .error }
        return (images.map(\.verdict) + [Verdict.of(findings)]).max() ?? .pass
    }

    /// Every error-severity finding that could not be judged, with the screenshot it belongs to (nil: the
    /// submission rules): what is missing for a conclusive verdict.
    public var missingEvidence: [(file: String?, finding: Finding)] {
        findings.filter(\.blocksPass).map { (nil, $0) }
            + images.flatMap { image in image.findings.filter(\.blocksPass).map { (image.file, $0) } }
    }

    /// The process exit code for this verdict: 0 pass, 1 fail, 2 error, 3 inconclusive.
    public var exitCode: Int32 { CheckReport.exitCode(for: verdict) }

    /// The same report marked as a self-test's: `test_only` carries `testOnlyNotice`.
    public func markedTestOnly() -> SubmissionReport {
        var report = self
        report.testOnly = Self.testOnlyNotice
        return report
    }

    /// The report as JSON: sorted keys, pretty-printed, no escaped slashes, newline at the end.
    public func jsonData() throws -> Data {
        try ReportCoding.document(self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(tool, forKey: .tool)
        try container.encode(spec, forKey: .spec)
        try container.encode(validationTime, forKey: .validationTime)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(submission, forKey: .submission)
        try container.encode(inputs, forKey: .inputs)
        try container.encode(screenshots, forKey: .screenshots)
        try container.encode(images, forKey: .images)
        try container.encode(findings, forKey: .findings)
        try container.encode(error, forKey: .error)
        try container.encode(summary, forKey: .summary)
        try container.encodeIfPresent(testOnly, forKey: .testOnly)
    }
}
