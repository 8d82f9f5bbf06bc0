import GRDB
import QRConformance

/// A person's decision on one rule of one recorded run: who decided, when, why, and what the machine had said.
///
/// Certification bodies settle what a machine could not judge by a recorded human decision (ISO/IEC 17025 keeps
/// the original observations and makes every amendment traceable), so a review never changes the run's row or its
/// rule counts: it is a row of its own in the `review` table, beside them. A review applies to every finding of its
/// rule in the run (each screenshot's and the submission's own). Several reviews of one rule are all kept; the
/// latest (highest id) is the one the effective verdict uses.
///
/// ```swift
/// let review = try register.review(RuleReview.Request(
///     run: 3, rule: "DSP-002", decision: .pass, reviewer: "Trần Thị B", reason: "masked ID legible at 200 %",
///     override: false, at: "2026-01-20T09:00:00Z"))
/// ```
public struct RuleReview: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    /// What a reviewer may decide: a rule either holds or does not.
    public enum Decision: String, Sendable, Equatable, Codable, CaseIterable {
        case pass, fail

        /// The rule outcome the decision stands for in the effective verdict.
        public var outcome: RuleOutcome { self == .pass ? .pass : .fail }
    }

    /// What a reviewer asks to record; checked against the run by `Register.review`.
    public struct Request: Sendable, Equatable {
        public var run: Int64
        public var rule: String
        public var decision: Decision
        public var reviewer: String
        public var reason: String
        /// Allows turning a machine `fail` into `pass`; the review is then recorded as an override.
        public var override: Bool
        /// When the decision was made, RFC 3339 UTC.
        public var at: String

        public init(
            run: Int64, rule: String, decision: Decision, reviewer: String, reason: String, override: Bool, at: String
        ) {
            self.run = run
            self.rule = rule
            self.decision = decision
            self.reviewer = reviewer
            self.reason = reason
            self.override = override
            self.at = at
        }
    }

    public static let databaseTableName = "review"

    public var id: Int64?
    public var runID: Int64
    public var rule: String
    /// The rule's summed-up machine outcome in the run when it was reviewed (`RuleCounts.status`).
    public var machineStatus: RuleOutcome
    public var decision: Decision
    /// Whether the decision turns a machine `fail` into `pass` (allowed only with `--override`).
    public var override: Bool
    public var reviewer: String
    public var reason: String
    /// RFC 3339 UTC.
    public var reviewedAt: String

    enum CodingKeys: String, CodingKey {
        case id, rule, decision, override, reviewer, reason
        case runID = "run_id"
        case machineStatus = "machine_status"
        case reviewedAt = "reviewed_at"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let runID = Column(CodingKeys.runID)
    }

    public init(
        id: Int64? = nil, runID: Int64, rule: String, machineStatus: RuleOutcome, decision: Decision, override: Bool,
        reviewer: String, reason: String, reviewedAt: String
    ) {
        self.id = id
        self.runID = runID
        self.rule = rule
        self.machineStatus = machineStatus
        self.decision = decision
        self.override = override
        self.reviewer = reviewer
        self.reason = reason
        self.reviewedAt = reviewedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
