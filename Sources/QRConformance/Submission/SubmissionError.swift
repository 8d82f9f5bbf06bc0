import QRSymbol

/// A test plan, manifest or submission container that cannot be used; names the file and the JSON location.
public struct SubmissionError: HarnessError, Sendable, Equatable {
    /// What went wrong, as a stable code (reports show it).
    public enum Code: String, Sendable, Equatable {
        case unreadable
        case invalidJSON = "invalid-json"
        case unsupportedFormatVersion = "unsupported-format-version"
        case invalid
        case unsafeEntry = "unsafe-entry"
        case tooManyEntries = "too-many-entries"
        case tooLarge = "too-large"
        case notAllowed = "not-allowed"
        case missingManifest = "missing-manifest"
        /// A zip whose structure or checksums are damaged or crafted (offsets outside the file, overlaps, bad CRC).
        case corruptZip = "corrupt-zip"
        /// The process reading the submission crashed (a signal) or answered something that is not a result.
        case readerCrashed = "reader-crashed"
        /// Reading the submission took longer than the time limit; the process reading it was stopped.
        case timedOut = "timed-out"
    }

    public let code: Code
    /// The file (test plan, manifest, zip or folder) the problem is in.
    public let path: String
    /// JSON Pointer of the offending value, e.g. `/screenshots/2/persona`; nil when not about a JSON value.
    public let pointer: String?
    public let cause: String
    public var errorCode: String { code.rawValue }
    public var file: String { path }

    public init(code: Code, path: String, pointer: String? = nil, cause: String) {
        self.code = code
        self.path = path
        self.pointer = pointer
        self.cause = cause
    }

    public var description: String {
        let location = pointer.map { " at \($0.isEmpty ? "/" : $0)" } ?? ""
        return "\(path)\(location): \(cause)"
    }
}
