import QRSymbol

/// A register the harness cannot use or a query it cannot answer; thrown, exit 2. Names the file and the problem.
public struct RegisterError: HarnessError, Sendable, Equatable {
    public enum Code: String, Sendable, Equatable {
        /// The file exists but is not an SQLite database.
        case notADatabase = "not-a-database"
        /// The file was made by a newer qrconform: its schema has migrations this build does not know.
        case newerSchema = "newer-schema"
        /// The file or its folder cannot be written.
        case readOnly = "read-only"
        /// No register at the path (queries never create one).
        case missing
        /// A run id that is not in the register.
        case unknownRun = "unknown-run"
        /// A review of a rule that is not among the run's findings.
        case unknownRule = "unknown-rule"
        /// A review that would turn a machine `fail` into `pass` without `--override`.
        case overrideRequired = "override-required"
        /// A review without a reviewer or a reason.
        case incompleteReview = "incomplete-review"
        /// Any other SQLite failure, with SQLite's message.
        case database
    }

    public let code: Code
    public let path: String
    public let cause: String
    public var errorCode: String { code.rawValue }
    public var file: String { path }

    public init(code: Code, path: String, cause: String) {
        self.code = code
        self.path = path
        self.cause = cause
    }

    /// `register PATH: cause`, e.g. `register r.sqlite: not an SQLite database (file is not a database)`.
    public var description: String { "register \(path): \(cause)" }
}
