import Foundation
import GRDB
import QRConformance

extension Register {
    /// Records one run, and the submission's content if it is not archived yet, in one transaction.
    ///
    /// Idempotent: a run of the same submission (by digest) under the same spec id, version and digest is recorded
    /// once; recording it again returns `.alreadyRecorded` with the first run's id and writes nothing.
    public func record(_ run: RegisterRun, contents: SubmissionContents?) throws(RegisterError) -> RecordOutcome {
        do {
            var outcome = RecordOutcome.recorded(0)
            try queue.inTransaction(.immediate) { db in
                if let existing = try existingRun(db, run) {
                    outcome = .alreadyRecorded(existing)
                    return .commit
                }
                if let contents, let digest = run.submissionSHA256 {
                    let kind = run.submissionPath.lowercased().hasSuffix(".zip") ? "zip" : "folder"
                    try archive(db, contents: contents, digest: digest, kind: kind)
                }
                try RunRecord(run).insert(db)
                let id = db.lastInsertedRowID
                for rule in run.rules {
                    try RunRuleRecord(runID: id, counts: rule).insert(db)
                }
                outcome = .recorded(id)
                return .commit
            }
            return outcome
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    private func existingRun(_ db: Database, _ run: RegisterRun) throws -> Int64? {
        guard let digest = run.submissionSHA256 else { return nil }
        typealias Columns = RunRecord.Columns
        return try RunRecord.filter(
            Columns.submissionSha256 == digest && Columns.specId == run.specID && Columns.specVersion == run.specVersion
                && Columns.specSha256 == run.specSHA256
        ).select(Columns.id, as: Int64.self).fetchOne(db)
    }

    private func archive(_ db: Database, contents: SubmissionContents, digest: String, kind: String) throws {
        if try SubmissionRecord.exists(db, key: digest) { return }
        var manifestDigest: String?
        var entries: [SubmissionFileRecord] = []
        for file in SubmissionArchive.files(of: contents) {
            let fileDigest = Hashing.sha256Hex(file.bytes)
            // Content-addressed: bytes already stored for another submission are kept as they are.
            try BlobRecord(sha256: fileDigest, size: file.bytes.count, content: Data(file.bytes))
                .insert(db, onConflict: .ignore)
            if file.path == SubmissionManifest.fileName, contents.manifest != nil {
                manifestDigest = fileDigest
            } else {
                entries.append(SubmissionFileRecord(submissionSha256: digest, path: file.path, blobSha256: fileDigest))
            }
        }
        try SubmissionRecord(sha256: digest, kind: kind, manifestSha256: manifestDigest).insert(db)
        for entry in entries {
            try entry.insert(db)
        }
    }
}
