import GRDB

/// A row of the `submission` table: an archived submission, by its digest (`SubmissionArchive`), with its kind and
/// the blob of its manifest.
struct SubmissionRecord: RegisterRecord {
    static let databaseTableName = "submission"

    var sha256: String
    /// `zip` or `folder`.
    var kind: String
    var manifestSha256: String?
}
