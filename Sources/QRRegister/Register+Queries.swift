import Foundation
import GRDB
import QRConformance

extension Register {
    /// Which runs `list` shows; nil members do not filter.
    public struct Filter: Sendable, Equatable {
        /// Matches the app name, case-insensitively, anywhere in it.
        public var app: String?
        public var verdict: Verdict?
        /// Runs recorded at or after this instant (ISO 8601 UTC text compares in time order).
        public var since: String?

        public init(app: String? = nil, verdict: Verdict? = nil, since: String? = nil) {
            self.app = app
            self.verdict = verdict
            self.since = since
        }
    }

    /// The runs that match, oldest first.
    public func runs(_ filter: Filter = Filter()) throws(RegisterError) -> [RegisterRun] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let app = filter.app {
            conditions.append("instr(lower(coalesce(app_name, '')), lower(?)) > 0")
            arguments += [app]
        }
        if let verdict = filter.verdict {
            conditions.append("verdict = ?")
            arguments += [verdict.rawValue]
        }
        if let since = filter.since {
            conditions.append("recorded_at >= ?")
            arguments += [since]
        }
        let clause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try fetchRuns(sql: "SELECT * FROM run \(clause) ORDER BY id", arguments: arguments)
    }

    /// One run with its per-rule counts.
    public func run(id: Int64) throws(RegisterError) -> RegisterRun {
        guard let run = try fetchRuns(sql: "SELECT * FROM run WHERE id = ?", arguments: [id]).first else {
            throw RegisterError.register(code: .unknownRun, path: path, cause: "no run \(id) in the register")
        }
        return run
    }

    /// The latest run of every app and version (vendor, app name, platform, version), by recording order; runs of
    /// submissions whose manifest named no app are left out.
    public func latestPerApp() throws(RegisterError) -> [RegisterRun] {
        try fetchRuns(
            sql: """
                SELECT * FROM run WHERE id IN (
                    SELECT max(id) FROM run WHERE app_name IS NOT NULL
                    GROUP BY vendor, app_name, app_platform, app_version)
                ORDER BY lower(app_name), app_platform, app_version, vendor
                """, arguments: [])
    }

    /// The archived content of a run's submission, as `SubmissionReader` gave it when the run was recorded.
    public func contents(of run: RegisterRun) throws(RegisterError) -> SubmissionContents? {
        guard run.archived, let digest = run.submissionSHA256 else { return nil }
        do {
            return try queue.read { db -> SubmissionContents? in
                let sql = "SELECT * FROM submission WHERE sha256 = ?"
                guard let row = try Row.fetchOne(db, sql: sql, arguments: [digest]) else { return nil }
                var manifest: [UInt8]?
                if let manifestDigest: String = row["manifest_sha256"] {
                    manifest = try blob(db, manifestDigest)
                }
                var files: [String: [UInt8]] = [:]
                let entries = try Row.fetchAll(
                    db, sql: "SELECT path, blob_sha256 FROM submission_file WHERE submission_sha256 = ?",
                    arguments: [digest])
                for entry in entries {
                    files[entry["path"]] = try blob(db, entry["blob_sha256"])
                }
                return SubmissionContents(source: run.submissionPath, manifest: manifest, files: files)
            }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    private func blob(_ db: Database, _ digest: String) throws -> [UInt8] {
        guard let data = try Data.fetchOne(db, sql: "SELECT content FROM blob WHERE sha256 = ?", arguments: [digest])
        else { throw RegisterError.register(code: .database, path: path, cause: "archived file \(digest) is missing") }
        let bytes = [UInt8](data)
        guard Hashing.sha256Hex(bytes) == digest else {
            throw RegisterError.register(
                code: .database, path: path, cause: "archived file \(digest) does not match its digest")
        }
        return bytes
    }

    private func fetchRuns(sql: String, arguments: StatementArguments) throws(RegisterError) -> [RegisterRun] {
        do {
            return try queue.read { db in
                try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                    let id: Int64 = row["id"]
                    let rules = try Row.fetchAll(
                        db, sql: "SELECT * FROM run_rule WHERE run_id = ? ORDER BY rule", arguments: [id]
                    ).map { rule in
                        RuleCounts(
                            rule: rule["rule"], pass: rule["pass"], fail: rule["fail"], warn: rule["warn"],
                            notApplicable: rule["not_applicable"], inconclusive: rule["inconclusive"],
                            severity: (rule["severity"] as String?).flatMap(Severity.init(rawValue:)))
                    }
                    return RegisterRun(row: row, rules: rules)
                }
            }
        } catch {
            throw Self.classify(error, path: path)
        }
    }
}
