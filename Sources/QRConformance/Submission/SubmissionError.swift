import QRErrors

/// A test plan, manifest or submission container that cannot be used; names the file and the JSON location.
public typealias SubmissionError = QRError

extension QRError.Domain {
    /// Submissions: the test plan, manifest, zip or folder, and the JSON value the problem is in.
    public static let submission = Self("submission")
}

extension QRError.Code {
    public static let unsafeEntry = Self("unsafe-entry")
    public static let tooManyEntries = Self("too-many-entries")
    public static let tooLarge = Self("too-large")
    public static let notAllowed = Self("not-allowed")
    public static let missingManifest = Self("missing-manifest")
    /// A zip whose structure or checksums are damaged or crafted (offsets outside the file, overlaps, bad CRC).
    public static let corruptZip = Self("corrupt-zip")
    /// The process reading the submission crashed (a signal) or answered something that is not a result.
    public static let readerCrashed = Self("reader-crashed")
    /// A service upload whose manifest names another vendor than the token's: judged, never recorded.
    public static let vendorMismatch = Self("vendor-mismatch")

    /// Every code a submission error carries: a reader's answer with another code is not an answer.
    public static let submissionCodes: Set<Self> = [
        .unreadable, .invalidJSON, .unsupportedFormatVersion, .invalid, .unsafeEntry, .tooManyEntries, .tooLarge,
        .notAllowed, .missingManifest, .corruptZip, .readerCrashed, .timedOut, .vendorMismatch,
    ]
}

extension QRError {
    /// A submission error, at the JSON Pointer `pointer` when about one value: `m.json at /screenshots/2: cause`.
    public static func submission(code: Code, path: String, pointer: String? = nil, cause: String) -> Self {
        Self(.submission, code: code, file: path, location: pointer.map(Location.pointer), cause: cause)
    }
}
