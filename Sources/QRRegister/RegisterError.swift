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
    /// Any other SQLite failure, with SQLite's message.
    public static let database = Self("database")
}

extension QRError {
    /// A register error: `register r.sqlite: not an SQLite database (file is not a database)`.
    public static func register(code: Code, path: String, cause: String) -> Self {
        Self(.register, code: code, file: path, cause: cause)
    }
}
