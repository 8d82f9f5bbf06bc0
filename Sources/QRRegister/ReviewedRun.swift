import QRConformance

/// A recorded run with the reviews of its rules, and the verdict that holds after them.
///
/// The effective verdict is the machine's aggregation (`Verdict.of`, `SubmissionReport.verdict`) over the run's
/// rule outcomes with each reviewed rule's outcome replaced by its latest decision: `fail` when a rule failed, else
/// `inconclusive` when a rule of severity error (or unknown severity) could not be judged, else `pass`. A review
/// decides rules, not harness errors: a run whose verdict is `error` stays `error`. A run without reviews keeps its
/// machine verdict.
///
/// ```swift
/// let shown = try register.reviewedRun(id: 3)
/// print(shown.run.verdict, "→", shown.effectiveVerdict)
/// ```
public struct ReviewedRun: Sendable, Equatable, Encodable {
    public let run: RegisterRun
    /// Every review of the run, oldest first.
    public let reviews: [RuleReview]

    public init(run: RegisterRun, reviews: [RuleReview]) {
        self.run = run
        self.reviews = reviews
    }

    /// The latest review of each reviewed rule, sorted by rule id: the decisions in force.
    public var decisions: [RuleReview] {
        var latest: [String: RuleReview] = [:]
        for review in reviews {
            guard let current = latest[review.rule] else {
                latest[review.rule] = review
                continue
            }
            if (review.id ?? 0) >= (current.id ?? 0) { latest[review.rule] = review }
        }
        return latest.values.sorted { $0.rule < $1.rule }
    }

    /// Whether any decision in force overrides a machine `fail`.
    public var overridden: Bool { decisions.contains(where: \.override) }

    /// The verdict after the decisions in force.
    public var effectiveVerdict: Verdict {
        let decisions = self.decisions
        guard !decisions.isEmpty, run.verdict != .error else { return run.verdict }
        let decided = Dictionary(
            decisions.map { ($0.rule, $0.decision.outcome) }, uniquingKeysWith: { _, last in last })
        var verdict = Verdict.pass
        for rule in run.rules {
            switch decided[rule.rule] ?? rule.status {
            case .fail: verdict = max(verdict, .fail)
            case .inconclusive where rule.inconclusiveBlocksPass: verdict = max(verdict, .inconclusive)
            default: break
            }
        }
        return verdict
    }

    /// Whether the effective verdict is not the machine's: a person's decision made the difference.
    public var decidedByReview: Bool { effectiveVerdict != run.verdict }

    private enum ReviewKeys: String, CodingKey {
        case reviews
        case effectiveVerdict = "effective_verdict"
        case decidedByReview = "decided_by_review"
        case overridden
    }

    /// The run's own members (`verdict` is the machine's), then `reviews`, `effective_verdict`,
    /// `decided_by_review` and `overridden`.
    public func encode(to encoder: any Encoder) throws {
        try run.encode(to: encoder)
        var container = encoder.container(keyedBy: ReviewKeys.self)
        try container.encode(reviews, forKey: .reviews)
        try container.encode(effectiveVerdict, forKey: .effectiveVerdict)
        try container.encode(decidedByReview, forKey: .decidedByReview)
        try container.encode(overridden, forKey: .overridden)
    }
}
