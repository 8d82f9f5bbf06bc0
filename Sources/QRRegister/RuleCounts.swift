import QRConformance

/// How often one rule came out each way in a run (over the screenshots and the submission rules), and the one
/// status that sums it up for comparing runs.
public struct RuleCounts: Sendable, Equatable, Codable {
    public let rule: String
    public var pass = 0
    public var fail = 0
    public var warn = 0
    public var notApplicable = 0
    public var inconclusive = 0
    /// The rule's severity in the run's spec; nil for runs recorded before the register kept it.
    public var severity: Severity?

    public init(
        rule: String, pass: Int = 0, fail: Int = 0, warn: Int = 0, notApplicable: Int = 0, inconclusive: Int = 0,
        severity: Severity? = nil
    ) {
        self.rule = rule
        self.pass = pass
        self.fail = fail
        self.warn = warn
        self.notApplicable = notApplicable
        self.inconclusive = inconclusive
        self.severity = severity
    }

    /// The JSON members and the `run_rule` columns (`RunRuleRecord`).
    enum CodingKeys: String, CodingKey {
        case rule, pass, fail, warn, inconclusive, severity
        case notApplicable = "not_applicable"
    }

    /// The weightiest outcome seen (`RuleOutcome.weight`: fail, then inconclusive, warn, pass); not applicable only
    /// when nothing else.
    public var status: RuleOutcome {
        let seen: [(RuleOutcome, Int)] = [(.fail, fail), (.inconclusive, inconclusive), (.warn, warn), (.pass, pass)]
        return seen.filter { $0.1 > 0 }.map(\.0).max { $0.weight < $1.weight } ?? .notApplicable
    }

    /// Whether an inconclusive outcome of this rule keeps a verdict from `pass` (`Finding.blocksPass`): a rule of
    /// severity error, or of unknown severity, since missing evidence never reads as conformance.
    public var inconclusiveBlocksPass: Bool { severity == nil || severity == .error }

    mutating func add(_ outcome: RuleOutcome) {
        switch outcome {
        case .pass: pass += 1
        case .fail: fail += 1
        case .warn: warn += 1
        case .notApplicable: notApplicable += 1
        case .inconclusive: inconclusive += 1
        }
    }

    /// Counts per rule over every finding of a submission report, sorted by rule id.
    public static func of(_ report: SubmissionReport) -> [RuleCounts] {
        var counts: [String: RuleCounts] = [:]
        for finding in report.findings + report.images.flatMap(\.findings) {
            counts[finding.rule, default: RuleCounts(rule: finding.rule, severity: finding.severity)].add(
                finding.outcome)
        }
        return counts.values.sorted { $0.rule < $1.rule }
    }
}
