import Foundation
import GRDB
import QRConformance

extension Register {
    /// Records a person's decision on one rule of a run, beside the machine's outcome, in one transaction.
    ///
    /// Refused, with nothing written: a run that is not in the register, a rule that is not among the run's findings,
    /// an empty reviewer or reason, and turning a rule the machine failed into `pass` without `override` (with it,
    /// the review is recorded as an override). The run's row and rule counts are never changed. The reason is stored
    /// masked as reports mask payload text (`PayloadMasking`), so a quoted ID number never enters the register.
    public func review(_ request: RuleReview.Request) throws(RegisterError) -> RuleReview {
        let reviewer = request.reviewer.trimmingCharacters(in: .whitespacesAndNewlines)
        // The register holds nothing personal: a reason quoting an ID number or a date keeps only its masked form.
        let reason = PayloadMasking.mask(request.reason.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !reviewer.isEmpty, !reason.isEmpty else {
            let missing = reviewer.isEmpty ? "reviewer" : "reason"
            throw RegisterError.register(
                code: .incompleteReview, path: path,
                cause: "run \(request.run), rule \(request.rule): a review needs a \(missing); nothing was recorded")
        }
        let status = try machineStatus(run: request.run, rule: request.rule)
        let overrides = status == .fail && request.decision == .pass
        if overrides, !request.override {
            throw RegisterError.register(
                code: .overrideRequired, path: path,
                cause: "run \(request.run), rule \(request.rule): the machine's outcome is fail; turning it into pass "
                    + "needs --override (and is shown as an override); nothing was recorded")
        }
        var review = RuleReview(
            runID: request.run, rule: request.rule, machineStatus: status, decision: request.decision,
            override: overrides, reviewer: reviewer, reason: reason, reviewedAt: request.at)
        do {
            try queue.inTransaction(.immediate) { db in
                try review.insert(db)
                return .commit
            }
        } catch {
            throw Self.classify(error, path: path)
        }
        return review
    }

    /// Every review of a run, oldest first.
    public func reviews(of run: Int64) throws(RegisterError) -> [RuleReview] {
        do {
            return try queue.read { db in
                try RuleReview.filter(RuleReview.Columns.runID == run).order(RuleReview.Columns.id).fetchAll(db)
            }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// Every review in the register by run id, each run's oldest first.
    public func reviewsByRun() throws(RegisterError) -> [Int64: [RuleReview]] {
        do {
            let all = try queue.read { db in try RuleReview.order(RuleReview.Columns.id).fetchAll(db) }
            return Dictionary(grouping: all, by: \.runID)
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// A run with its reviews, as `show`, `list` and the public list present it.
    public func reviewedRun(id: Int64) throws(RegisterError) -> ReviewedRun {
        ReviewedRun(run: try run(id: id), reviews: try reviews(of: id))
    }

    /// The rule's summed-up machine outcome in the run; throws naming the run and rule when either is unknown.
    private func machineStatus(run id: Int64, rule: String) throws(RegisterError) -> RuleOutcome {
        let run = try run(id: id)
        guard let counts = run.rules.first(where: { $0.rule == rule }) else {
            let known = run.rules.map(\.rule).joined(separator: ", ")
            throw RegisterError.register(
                code: .unknownRule, path: path,
                cause: "run \(id) has no finding of rule \(rule) (its rules: \(known.isEmpty ? "none" : known)); "
                    + "nothing was recorded")
        }
        return counts.status
    }
}
