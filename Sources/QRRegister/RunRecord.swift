import GRDB
import QRConformance

/// A row of the `run` table: a `RegisterRun` as the schema stores it, its summary in five count columns and its
/// per-rule counts in `run_rule` (`RunRuleRecord`).
struct RunRecord: RegisterRecord {
    static let databaseTableName = "run"

    var id: Int64?
    var recordedAt: String
    var submissionId: String
    var vendor: String?
    var appName: String?
    var appVersion: String?
    var appPlatform: String?
    var submissionPath: String
    var submissionSha256: String?
    var archived: Bool
    var specId: String
    var specVersion: String
    var specSha256: String
    var testPlanPath: String
    var testPlanSha256: String
    var trustListPath: String?
    var trustListSha256: String?
    var toolName: String
    var toolVersion: String
    var validationTime: String
    /// The verdict as text: one this build does not know reads back as `error`.
    var verdict: String
    var images: Int
    var imagesPass: Int
    var imagesInconclusive: Int
    var imagesFail: Int
    var imagesError: Int
    var reportSha256: String
    var signature: String?
    var signatureKid: String?

    /// The columns that queries filter and order on.
    enum Columns {
        static let id = Column("id")
        static let recordedAt = Column("recorded_at")
        static let appName = Column("app_name")
        static let verdict = Column("verdict")
        static let submissionSha256 = Column("submission_sha256")
        static let specId = Column("spec_id")
        static let specVersion = Column("spec_version")
        static let specSha256 = Column("spec_sha256")
    }

    /// The row that records a run; its id is left for the register to give.
    init(_ run: RegisterRun) {
        id = nil
        recordedAt = run.recordedAt
        submissionId = run.submissionID
        vendor = run.vendor
        appName = run.appName
        appVersion = run.appVersion
        appPlatform = run.appPlatform
        submissionPath = run.submissionPath
        submissionSha256 = run.submissionSHA256
        archived = run.archived
        specId = run.specID
        specVersion = run.specVersion
        specSha256 = run.specSHA256
        testPlanPath = run.testPlanPath
        testPlanSha256 = run.testPlanSHA256
        trustListPath = run.trustListPath
        trustListSha256 = run.trustListSHA256
        toolName = run.toolName
        toolVersion = run.toolVersion
        validationTime = run.validationTime
        verdict = run.verdict.rawValue
        images = run.summary.images
        imagesPass = run.summary.pass
        imagesInconclusive = run.summary.inconclusive
        imagesFail = run.summary.fail
        imagesError = run.summary.error
        reportSha256 = run.reportSHA256
        signature = run.signature
        signatureKid = run.signatureKID
    }
}
