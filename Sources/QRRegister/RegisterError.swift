import QRErrors

/// A register the harness cannot use or a query it cannot answer; thrown, exit 2. Names the file and the problem.
public typealias RegisterError = QRError

extension QRError.Domain {
    /// Registers: described as `register PATH: cause`.
    public static let register = Self("register", fileLabel: "register ")
}

extension QRError.Code {
    /// The file exists but is not an SQLite database.
    public static let notADatabase = Self("not-a-database")
    /// The file was made by a newer qrconform: its schema has migrations this build does not know.
    public static let newerSchema = Self("newer-schema")
    /// The file or its folder cannot be written.
    public static let readOnly = Self("read-only")
    /// No register at the path (queries never create one).
    public static let missing = Self("missing")
    /// A run id that is not in the register.
    public static let unknownRun = Self("unknown-run")
    /// A review of a rule that is not among the run's findings.
    public static let unknownRule = Self("unknown-rule")
    /// A review that would turn a machine `fail` into `pass` without `--override`.
    public static let overrideRequired = Self("override-required")
    /// A review without a reviewer or a reason.
    public static let incompleteReview = Self("incomplete-review")
    /// A service token that cannot be issued as asked: a vendor token without a vendor, an officer token with one,
    /// or no name.
    public static let invalidToken = Self("invalid-token")
    /// A service token id that is not in the register.
    public static let unknownToken = Self("unknown-token")
    /// A revoked service token used to open a session or submit a job.
    public static let revokedToken = Self("revoked-token")
    /// A job that cannot be queued as asked (no vendor, a negative upload size).
    public static let invalidJob = Self("invalid-job")
    /// A job id that is not in the register.
    public static let unknownJob = Self("unknown-job")
    /// Finishing or failing a job that is not running.
    public static let jobNotRunning = Self("job-not-running")
    /// Publishing a run whose effective verdict is not `pass`, or that names no app.
    public static let notCertified = Self("not-certified")
    /// Withdrawing a run that is not currently published.
    public static let notPublished = Self("not-published")
    /// A publish or withdraw action without an officer or a reason.
    public static let incompletePublication = Self("incomplete-publication")
    /// Any other SQLite failure, with SQLite's message.
    public static let database = Self("database")
}

extension QRError {
    /// A register error: `register r.sqlite: not an SQLite database (file is not a database)`.
    public static func register(code: Code, path: String, cause: String) -> Self {
        Self(.register, code: code, file: path, cause: cause)
    }
}
