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
        typealias Columns = RunRecord.Columns
        var request = RunRecord.all()
        if let app = filter.app {
            request = request.filter(literal: "instr(lower(coalesce(\(Columns.appName), '')), lower(\(app))) > 0")
        }
        if let verdict = filter.verdict {
            request = request.filter(Columns.verdict == verdict.rawValue)
        }
        if let since = filter.since {
            request = request.filter(Columns.recordedAt >= since)
        }
        return try fetchRuns(request.order(Columns.id))
    }

    /// One run with its per-rule counts.
    public func run(id: Int64) throws(RegisterError) -> RegisterRun {
        guard let run = try fetchRuns(RunRecord.filter(RunRecord.Columns.id == id)).first else {
            throw RegisterError.register(code: .unknownRun, path: path, cause: "no run \(id) in the register")
        }
        return run
    }

    /// The latest run of every app and version (vendor, app name, platform, version), by recording order; runs of
    /// submissions whose manifest named no app are left out.
    public func latestPerApp() throws(RegisterError) -> [RegisterRun] {
        try fetchRuns(
            SQLRequest<RunRecord>(
                sql: """
                    SELECT * FROM run WHERE id IN (
                        SELECT max(id) FROM run WHERE app_name IS NOT NULL
                        GROUP BY vendor, app_name, app_platform, app_version)
                    ORDER BY lower(app_name), app_platform, app_version, vendor
                    """))
    }

    /// The archived content of a run's submission, as `SubmissionReader` gave it when the run was recorded.
    public func contents(of run: RegisterRun) throws(RegisterError) -> SubmissionContents? {
        guard run.archived, let digest = run.submissionSHA256 else { return nil }
        do {
            return try queue.read { db -> SubmissionContents? in
                guard let submission = try SubmissionRecord.fetchOne(db, key: digest) else { return nil }
                let manifest = try submission.manifestSha256.map { try blob(db, $0) }
                var files: [String: [UInt8]] = [:]
                let entries = try SubmissionFileRecord.filter(SubmissionFileRecord.Columns.submissionSha256 == digest)
                    .fetchAll(db)
                for entry in entries {
                    files[entry.path] = try blob(db, entry.blobSha256)
                }
                return SubmissionContents(source: run.submissionPath, manifest: manifest, files: files)
            }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    private func blob(_ db: Database, _ digest: String) throws -> [UInt8] {
        guard let data = try BlobRecord.fetchOne(db, key: digest)?.content else {
            throw RegisterError.register(code: .database, path: path, cause: "archived file \(digest) is missing")
        }
        let bytes = [UInt8](data)
        guard Hashing.sha256Hex(bytes) == digest else {
            throw RegisterError.register(
                code: .database, path: path, cause: "archived file \(digest) does not match its digest")
        }
        return bytes
    }

    /// The runs a request selects, each with its per-rule counts.
    func fetchRuns(_ request: some FetchRequest<RunRecord>) throws(RegisterError) -> [RegisterRun] {
        do {
            return try queue.read { db in
                try request.fetchAll(db).map { record in
                    RegisterRun(record, rules: try record.id.map { try RunRuleRecord.counts(ofRun: $0, in: db) } ?? [])
                }
            }
        } catch {
            throw Self.classify(error, path: path)
        }
    }
}
