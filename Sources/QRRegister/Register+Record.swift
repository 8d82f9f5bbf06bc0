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
                let columns = RegisterRun.columns.split(separator: ",").count
                let placeholders = Array(repeating: "?", count: columns).joined(separator: ", ")
                try db.execute(
                    sql: "INSERT INTO run (\(RegisterRun.columns)) VALUES (\(placeholders))", arguments: run.arguments)
                let id = db.lastInsertedRowID
                for rule in run.rules {
                    try db.execute(
                        sql: """
                            INSERT INTO run_rule (run_id, rule, pass, fail, warn, not_applicable, inconclusive, severity)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            id, rule.rule, rule.pass, rule.fail, rule.warn, rule.notApplicable, rule.inconclusive,
                            rule.severity?.rawValue,
                        ])
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
        return try Int64.fetchOne(
            db,
            sql: """
                SELECT id FROM run WHERE submission_sha256 = ? AND spec_id = ? AND spec_version = ? AND spec_sha256 = ?
                """,
            arguments: [digest, run.specID, run.specVersion, run.specSHA256])
    }

    private func archive(_ db: Database, contents: SubmissionContents, digest: String, kind: String) throws {
        let known = try Bool.fetchOne(db, sql: "SELECT 1 FROM submission WHERE sha256 = ?", arguments: [digest])
        if known == true { return }
        var manifestDigest: String?
        var entries: [(path: String, digest: String)] = []
        for file in SubmissionArchive.files(of: contents) {
            let fileDigest = Hashing.sha256Hex(file.bytes)
            try db.execute(
                sql: "INSERT INTO blob (sha256, size, content) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                arguments: [fileDigest, file.bytes.count, Data(file.bytes)])
            if file.path == SubmissionManifest.fileName, contents.manifest != nil {
                manifestDigest = fileDigest
            } else {
                entries.append((file.path, fileDigest))
            }
        }
        try db.execute(
            sql: "INSERT INTO submission (sha256, kind, manifest_sha256) VALUES (?, ?, ?)",
            arguments: [digest, kind, manifestDigest])
        for entry in entries {
            try db.execute(
                sql: "INSERT INTO submission_file (submission_sha256, path, blob_sha256) VALUES (?, ?, ?)",
                arguments: [digest, entry.path, entry.digest])
        }
    }
}
