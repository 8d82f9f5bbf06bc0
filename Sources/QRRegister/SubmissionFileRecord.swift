import GRDB

/// A row of the `submission_file` table: one file of an archived submission, by its path, and the blob it holds.
struct SubmissionFileRecord: RegisterRecord {
    static let databaseTableName = "submission_file"

    var submissionSha256: String
    var path: String
    var blobSha256: String

    enum Columns {
        static let submissionSha256 = Column("submission_sha256")
    }
}
