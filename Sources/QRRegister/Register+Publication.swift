import Foundation
import GRDB
import QRConformance

extension Register {
    /// Publishes a run on the public list, as an officer's recorded action, in one transaction; its app and version
    /// is then listed with this run until a later action. Refused, with nothing written: a run that is not in the
    /// register, one that names no app, one whose effective verdict (after reviews) is not `pass`, and an empty
    /// officer or reason. The reason is stored masked (`PayloadMasking`), as reviews' are.
    public func publish(run: Int64, officer: String, reason: String, at: String) throws(RegisterError) -> Publication {
        try act(.publish, run: run, officer: officer, reason: reason, at: at) { db throws(RegisterError) in
            let shown = try reviewedRun(db, id: run)
            guard shown.run.appName != nil else {
                throw RegisterError.register(
                    code: .notCertified, path: path,
                    cause: "run \(run) names no app (its manifest had none), so it cannot be listed; "
                        + "nothing was recorded")
            }
            let verdict = shown.effectiveVerdict
            guard verdict == .pass else {
                throw RegisterError.register(
                    code: .notCertified, path: path,
                    cause: "run \(run) (\(shown.run.appLabel)) is not certified: its effective verdict is "
                        + "\(verdict.rawValue); nothing was recorded")
            }
        }
    }

    /// Withdraws a published run from the public list, as an officer's recorded action; refused, with nothing
    /// written, when the run is not the one listed for its app and version.
    public func withdraw(run: Int64, officer: String, reason: String, at: String) throws(RegisterError) -> Publication {
        try act(.withdraw, run: run, officer: officer, reason: reason, at: at) { db throws(RegisterError) in
            _ = try reviewedRun(db, id: run)
            let listed: Bool
            do {
                listed = try published(db, run: run)
            } catch {
                throw Self.classify(error, path: path)
            }
            guard listed else {
                throw RegisterError.register(
                    code: .notPublished, path: path, cause: "run \(run) is not published; nothing was recorded")
            }
        }
    }

    /// Every publish and withdraw action, oldest first.
    public func publications() throws(RegisterError) -> [Publication] {
        do {
            return try queue.read { db in try Publication.order(Publication.Columns.id).fetchAll(db) }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// The published run of every app and version (vendor, app name, platform, version): the run of the latest
    /// action on the app's runs, when that action is a publish; sorted as `latestPerApp`. With `reviewsByRun`, the
    /// public list: `PublicList(runs: try register.publishedRuns(), reviews: try register.reviewsByRun())`.
    public func publishedRuns() throws(RegisterError) -> [RegisterRun] {
        try fetchRuns(
            SQLRequest<RunRecord>(
                sql: """
                    SELECT * FROM run WHERE id IN (\(Self.publishedRunIDs))
                    ORDER BY lower(app_name), app_platform, app_version, vendor
                    """))
    }

    /// Whether the run is the one listed for its app and version.
    public func isPublished(run: Int64) throws(RegisterError) -> Bool {
        do {
            return try queue.read { db in try published(db, run: run) }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// The ids of the published runs: per app key, the run of the latest action, when that action is a publish.
    private static let publishedRunIDs = """
        SELECT publication.run_id FROM publication WHERE publication.action = 'publish' AND publication.id IN (
            SELECT max(publication.id) FROM publication JOIN run ON run.id = publication.run_id
            GROUP BY run.vendor, run.app_name, run.app_platform, run.app_version)
        """

    private func published(_ db: Database, run: Int64) throws -> Bool {
        try Int64.fetchAll(db, sql: Self.publishedRunIDs).contains(run)
    }

    /// Records one action after `check` (which throws to refuse), in one immediate transaction.
    private func act(
        _ action: Publication.Action, run: Int64, officer: String, reason: String, at: String,
        check: (Database) throws(RegisterError) -> Void
    ) throws(RegisterError) -> Publication {
        let officer = officer.trimmingCharacters(in: .whitespacesAndNewlines)
        let reason = PayloadMasking.mask(reason.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !officer.isEmpty, !reason.isEmpty else {
            let missing = officer.isEmpty ? "an officer" : "a reason"
            throw RegisterError.register(
                code: .incompletePublication, path: path,
                cause: "run \(run): to \(action.rawValue) needs \(missing); nothing was recorded")
        }
        var publication = Publication(runID: run, action: action, officer: officer, reason: reason, at: at)
        do {
            try queue.inTransaction(.immediate) { db in
                try check(db)
                try publication.insert(db)
                return .commit
            }
        } catch {
            throw Self.classify(error, path: path)
        }
        return publication
    }

    /// A run and its reviews, read in a transaction about to act on them; throws naming an unknown run.
    private func reviewedRun(_ db: Database, id: Int64) throws(RegisterError) -> ReviewedRun {
        do {
            guard let record = try RunRecord.fetchOne(db, key: id) else {
                throw RegisterError.register(
                    code: .unknownRun, path: path, cause: "no run \(id) in the register; nothing was recorded")
            }
            let run = RegisterRun(record, rules: try RunRuleRecord.counts(ofRun: id, in: db))
            let reviews = try RuleReview.filter(RuleReview.Columns.runID == id).order(RuleReview.Columns.id)
                .fetchAll(db)
            return ReviewedRun(run: run, reviews: reviews)
        } catch {
            throw Self.classify(error, path: path)
        }
    }
}
