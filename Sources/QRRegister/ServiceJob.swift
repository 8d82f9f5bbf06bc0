import GRDB
import QRConformance

/// One submission the service was asked to judge, from upload to verdict: a row of the `service_job` queue.
///
/// Jobs are claimed in the order they were queued (`Register.claimNextJob`); one interrupted by a crash is queued
/// again at start-up (`Register.requeueInterrupted`), so `attempts` counts how often it was started.
public struct ServiceJob: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
    /// A certification is recorded in the register; a self-test is judged the same way and recorded nowhere.
    public enum Mode: String, Sendable, Codable {
        case certification
        case selfTest = "self-test"
    }

    public enum State: String, Sendable, Codable {
        case queued, running, done, failed
    }

    public static let databaseTableName = "service_job"

    /// The public id (16 random bytes, base64url): unguessable, so one vendor cannot enumerate another's jobs.
    public var id: String
    public var vendor: String
    /// The token that submitted the job.
    public var tokenID: Int64
    public var mode: Mode
    public var state: State
    public var uploadSHA256: String
    public var uploadSize: Int64
    /// RFC 3339 UTC, as are `startedAt` and `finishedAt`.
    public var submittedAt: String
    /// When the job was last claimed.
    public var startedAt: String?
    public var finishedAt: String?
    /// How often the job was claimed.
    public var attempts: Int
    /// The machine's verdict, once done.
    public var verdict: Verdict?
    /// The register run recorded (certification only).
    public var runID: Int64?
    /// The report's submission id.
    public var submissionID: String?
    /// Why the job failed, for the vendor.
    public var message: String?

    enum CodingKeys: String, CodingKey {
        case id, vendor, mode, state, attempts, verdict, message
        case tokenID = "token_id"
        case uploadSHA256 = "upload_sha256"
        case uploadSize = "upload_size"
        case submittedAt = "submitted_at"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case runID = "run_id"
        case submissionID = "submission_id"
    }

    public enum Columns {
        public static let seq = Column("seq")
        public static let id = Column(CodingKeys.id)
        public static let vendor = Column(CodingKeys.vendor)
        public static let state = Column(CodingKeys.state)
    }

    public init(
        id: String, vendor: String, tokenID: Int64, mode: Mode, state: State, uploadSHA256: String, uploadSize: Int64,
        submittedAt: String, startedAt: String? = nil, finishedAt: String? = nil, attempts: Int = 0,
        verdict: Verdict? = nil, runID: Int64? = nil, submissionID: String? = nil, message: String? = nil
    ) {
        self.id = id
        self.vendor = vendor
        self.tokenID = tokenID
        self.mode = mode
        self.state = state
        self.uploadSHA256 = uploadSHA256
        self.uploadSize = uploadSize
        self.submittedAt = submittedAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.attempts = attempts
        self.verdict = verdict
        self.runID = runID
        self.submissionID = submissionID
        self.message = message
    }

    /// Writes what changes as the job moves through the queue (state, times, attempts, outcome) to its row, found by
    /// its public id; `update` would look for the row by `seq`, the table's primary key, which a job does not carry.
    func saveProgress(_ db: Database) throws {
        try db.execute(
            sql: """
                UPDATE service_job SET state = ?, started_at = ?, finished_at = ?, attempts = ?, verdict = ?,
                    run_id = ?, submission_id = ?, message = ?
                WHERE id = ?
                """,
            arguments: [
                state.rawValue, startedAt, finishedAt, attempts, verdict?.rawValue, runID, submissionID, message, id,
            ])
    }
}
