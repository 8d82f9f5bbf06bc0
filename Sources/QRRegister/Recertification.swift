import QRConformance

/// One app's verdict then (its latest recorded run) and now (its submission judged again under another spec),
/// with the rules whose summed-up outcome changed.
///
/// ```swift
/// let change = Recertification(then: run, now: report)
/// if change.losesCertification { … }
/// ```
public struct Recertification: Sendable, Equatable, Encodable {
    /// A rule that came out differently; nil `then` means the rule is new in the other spec, nil `now` that it
    /// is gone from it.
    public struct Flip: Sendable, Equatable, Encodable {
        public let rule: String
        public let then: RuleOutcome?
        public let now: RuleOutcome?
    }

    public let run: Int64
    public let app: String
    public let vendor: String?
    public let thenSpec: String
    public let nowSpec: String
    public let then: Verdict
    public let now: Verdict
    public let flips: [Flip]

    enum CodingKeys: String, CodingKey {
        case run, app, vendor, then, now, flips
        case thenSpec = "then_spec"
        case nowSpec = "now_spec"
    }

    public init(then run: RegisterRun, now report: SubmissionReport) {
        self.run = run.id ?? 0
        app = run.appLabel
        vendor = run.vendor
        thenSpec = "\(run.specID)@\(run.specVersion)"
        nowSpec = "\(report.spec.id)@\(report.spec.version)"
        then = run.verdict
        now = report.verdict
        flips = Self.flips(then: run.rules, now: RuleCounts.of(report))
    }

    /// Whether the app is certified now (latest verdict pass) and would not be under the other spec.
    public var losesCertification: Bool { then == .pass && now != .pass }

    /// Rules whose status differs between two runs, sorted by rule id.
    public static func flips(then: [RuleCounts], now: [RuleCounts]) -> [Flip] {
        let before = Dictionary(then.map { ($0.rule, $0.status) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(now.map { ($0.rule, $0.status) }, uniquingKeysWith: { first, _ in first })
        return Set(before.keys).union(after.keys).sorted().compactMap { rule in
            before[rule] == after[rule] ? nil : Flip(rule: rule, then: before[rule], now: after[rule])
        }
    }
}
