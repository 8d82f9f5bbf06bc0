import QRConformance

/// One recorded run: which submission (vendor, app, version, platform), under which spec, test plan and trust
/// list, by which tool and at which validation time, with the verdict, counts, report digest and signature.
///
/// Built from a `SubmissionReport` to record it, and read back from the register for queries. Holds nothing
/// personal: reports are masked, and the archived screenshots stay in the `blob` table.
public struct RegisterRun: Sendable, Equatable, Codable {
    public var id: Int64?
    public var recordedAt: String
    public var submissionID: String
    public var vendor: String?
    public var appName: String?
    public var appVersion: String?
    public var appPlatform: String?
    public var submissionPath: String
    public var submissionSHA256: String?
    /// Whether the submission's content is in the register, so it can be judged again.
    public var archived: Bool
    public var specID: String
    public var specVersion: String
    public var specSHA256: String
    public var testPlanPath: String
    public var testPlanSHA256: String
    public var trustListPath: String?
    public var trustListSHA256: String?
    public var toolName: String
    public var toolVersion: String
    public var validationTime: String
    public var verdict: Verdict
    public var summary: CheckReport.Summary
    public var reportSHA256: String
    /// The detached JWS of report.json, when the run was signed.
    public var signature: String?
    public var signatureKID: String?
    public var rules: [RuleCounts]

    enum CodingKeys: String, CodingKey {
        case id, vendor, archived, verdict, summary, signature, rules
        case recordedAt = "recorded_at"
        case submissionID = "submission_id"
        case appName = "app_name"
        case appVersion = "app_version"
        case appPlatform = "app_platform"
        case submissionPath = "submission_path"
        case submissionSHA256 = "submission_sha256"
        case specID = "spec_id"
        case specVersion = "spec_version"
        case specSHA256 = "spec_sha256"
        case testPlanPath = "test_plan_path"
        case testPlanSHA256 = "test_plan_sha256"
        case trustListPath = "trust_list_path"
        case trustListSHA256 = "trust_list_sha256"
        case toolName = "tool_name"
        case toolVersion = "tool_version"
        case validationTime = "validation_time"
        case reportSHA256 = "report_sha256"
        case signatureKID = "signature_kid"
    }

    /// The run a report describes; `reportBytes` are the exact bytes of its report.json.
    public init(
        report: SubmissionReport, reportBytes: [UInt8], contents: SubmissionContents?, signature: String?,
        signatureKID: String?, recordedAt: String
    ) {
        id = nil
        self.recordedAt = recordedAt
        submissionID = report.submission.id
        vendor = report.submission.vendor
        appName = report.submission.app?.name
        appVersion = report.submission.app?.version
        appPlatform = report.submission.app?.platform
        submissionPath = report.inputs.submission
        submissionSHA256 = SubmissionArchive.sha256(report: report, contents: contents)
        archived = contents != nil
        specID = report.spec.id
        specVersion = report.spec.version
        specSHA256 = report.spec.sha256
        testPlanPath = report.inputs.testPlan.path
        testPlanSHA256 = report.inputs.testPlan.sha256
        trustListPath = report.inputs.trustList?.path
        trustListSHA256 = report.inputs.trustList?.sha256
        toolName = report.tool.name
        toolVersion = report.tool.version
        validationTime = report.validationTime
        verdict = report.verdict
        summary = report.summary
        reportSHA256 = Hashing.sha256Hex(reportBytes)
        self.signature = signature
        self.signatureKID = signatureKID
        rules = RuleCounts.of(report)
    }

    /// "ACME ID 2.3.1 (android)", or the submission id when the manifest named no app.
    public var appLabel: String {
        guard let appName else { return submissionID }
        return "\(appName) \(appVersion ?? "?") (\(appPlatform ?? "?"))"
    }

    /// A run as the register stored it (`RunRecord`), with its per-rule counts.
    init(_ record: RunRecord, rules: [RuleCounts]) {
        id = record.id
        recordedAt = record.recordedAt
        submissionID = record.submissionId
        vendor = record.vendor
        appName = record.appName
        appVersion = record.appVersion
        appPlatform = record.appPlatform
        submissionPath = record.submissionPath
        submissionSHA256 = record.submissionSha256
        archived = record.archived
        specID = record.specId
        specVersion = record.specVersion
        specSHA256 = record.specSha256
        testPlanPath = record.testPlanPath
        testPlanSHA256 = record.testPlanSha256
        trustListPath = record.trustListPath
        trustListSHA256 = record.trustListSha256
        toolName = record.toolName
        toolVersion = record.toolVersion
        validationTime = record.validationTime
        verdict = Verdict(rawValue: record.verdict) ?? .error
        summary = CheckReport.Summary(
            images: record.images, pass: record.imagesPass, inconclusive: record.imagesInconclusive,
            fail: record.imagesFail, error: record.imagesError)
        reportSHA256 = record.reportSha256
        signature = record.signature
        signatureKID = record.signatureKid
        self.rules = rules
    }
}
