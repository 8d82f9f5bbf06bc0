import GRDB
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

    init(row: Row, rules: [RuleCounts]) {
        id = row["id"]
        recordedAt = row["recorded_at"]
        submissionID = row["submission_id"]
        vendor = row["vendor"]
        appName = row["app_name"]
        appVersion = row["app_version"]
        appPlatform = row["app_platform"]
        submissionPath = row["submission_path"]
        submissionSHA256 = row["submission_sha256"]
        archived = row["archived"]
        specID = row["spec_id"]
        specVersion = row["spec_version"]
        specSHA256 = row["spec_sha256"]
        testPlanPath = row["test_plan_path"]
        testPlanSHA256 = row["test_plan_sha256"]
        trustListPath = row["trust_list_path"]
        trustListSHA256 = row["trust_list_sha256"]
        toolName = row["tool_name"]
        toolVersion = row["tool_version"]
        validationTime = row["validation_time"]
        verdict = Verdict(rawValue: row["verdict"] as String? ?? "") ?? .error
        summary = CheckReport.Summary(
            images: row["images"], pass: row["images_pass"], inconclusive: row["images_inconclusive"],
            fail: row["images_fail"], error: row["images_error"])
        reportSHA256 = row["report_sha256"]
        signature = row["signature"]
        signatureKID = row["signature_kid"]
        self.rules = rules
    }

    /// The column values of the `run` table, in `columns` order.
    var arguments: StatementArguments {
        [
            recordedAt, submissionID, vendor, appName, appVersion, appPlatform, submissionPath, submissionSHA256,
            archived, specID, specVersion, specSHA256, testPlanPath, testPlanSHA256, trustListPath, trustListSHA256,
            toolName, toolVersion, validationTime, verdict.rawValue, summary.images, summary.pass,
            summary.inconclusive, summary.fail, summary.error, reportSHA256, signature, signatureKID,
        ]
    }

    static let columns = """
        recorded_at, submission_id, vendor, app_name, app_version, app_platform, submission_path, submission_sha256, \
        archived, spec_id, spec_version, spec_sha256, test_plan_path, test_plan_sha256, trust_list_path, \
        trust_list_sha256, tool_name, tool_version, validation_time, verdict, images, images_pass, \
        images_inconclusive, images_fail, images_error, report_sha256, signature, signature_kid
        """
}
