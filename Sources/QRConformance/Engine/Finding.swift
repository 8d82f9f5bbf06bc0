import QRSymbol
import QRText

/// The outcome of one rule on one image or symbol; `warn` is a failed rule of severity warning or info.
///
/// `notApplicable` means the rule has nothing to judge here; `inconclusive` means it applies but could not be
/// judged, and keeps an image with an error-severity rule from `pass` (ETSI ES 201 873-1's `inconc`).
public enum RuleOutcome: String, Sendable, Equatable, Codable, CaseIterable {
    case pass, fail, warn
    case notApplicable = "not_applicable"
    case inconclusive

    /// How much the outcome weighs, the one order every report, the register and the vectors use: fail, then
    /// inconclusive (it can keep a verdict from `pass`), warn (it never does), pass, not applicable. Higher is worse.
    public var weight: Int {
        switch self {
        case .notApplicable: 0
        case .pass: 1
        case .warn: 2
        case .inconclusive: 3
        case .fail: 4
        }
    }
}

/// What a finding rests on: the measured value, the limit it was held to, and where in the image or payload.
public struct Evidence: Sendable, Equatable, Codable {
    public let measured: String?
    public let limit: String?
    public let location: String?
    /// The pixels of the screen text a display finding rests on, for report overlays; reports show `where` only (the
    /// worker sends it in `ImageReportTransport`).
    public let box: RecognizedWord.Box?
    /// The screen regions an inconclusive display finding could not read, for the crops a reviewer decides from;
    /// reports show `where` only.
    public let regions: [RecognizedWord.Box]?

    public init(
        measured: String? = nil, limit: String? = nil, where location: String? = nil,
        screenBox: RecognizedWord.Box? = nil, regions: [RecognizedWord.Box]? = nil
    ) {
        self.measured = measured
        self.limit = limit
        self.location = location
        self.box = screenBox
        self.regions = regions?.isEmpty == true ? nil : regions
    }

    /// Evidence read on the screen: `where` names the line and its box, and the box itself stays typed.
    public init(measured: String? = nil, limit: String? = nil, at match: ScreenMatch) {
        self.init(measured: measured, limit: limit, where: match.location, screenBox: match.box)
    }

    private enum CodingKeys: String, CodingKey {
        case measured, limit
        case location = "where"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        measured = try container.decodeIfPresent(String.self, forKey: .measured)
        limit = try container.decodeIfPresent(String.self, forKey: .limit)
        location = try container.decodeIfPresent(String.self, forKey: .location)
        box = nil
        regions = nil
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(measured, forKey: .measured)
        try container.encode(limit, forKey: .limit)
        try container.encode(location, forKey: .location)
    }
}

/// One rule's judgement, as it appears in the report.
public struct Finding: Sendable, Equatable, Codable {
    public let rule: String
    public let outcome: RuleOutcome
    public let severity: Severity
    /// What was found and what to change; for `notApplicable` and `inconclusive`, why the rule was not judged.
    public let message: String
    public let evidence: Evidence
    /// For `inconclusive`: what would make the rule judgeable (`pass --ppi N`, ...); nil otherwise.
    public let remedy: String?
    /// Index of the symbol judged, nil for image-level rules; used for ordering, shown in `evidence.where` (the worker
    /// sends it in `ImageReportTransport`).
    public let symbol: Int?

    public init(
        rule: String, outcome: RuleOutcome, severity: Severity, message: String, evidence: Evidence, symbol: Int?,
        remedy: String? = nil
    ) {
        self.remedy = remedy
        self.rule = rule
        self.outcome = outcome
        self.severity = severity
        self.message = message
        self.evidence = evidence
        self.symbol = symbol
    }

    private enum CodingKeys: String, CodingKey {
        case rule, outcome, severity, message, evidence, remedy
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rule = try container.decode(String.self, forKey: .rule)
        outcome = try container.decode(RuleOutcome.self, forKey: .outcome)
        severity = try container.decode(Severity.self, forKey: .severity)
        message = try container.decode(String.self, forKey: .message)
        evidence = try container.decode(Evidence.self, forKey: .evidence)
        remedy = try container.decodeIfPresent(String.self, forKey: .remedy)
        symbol = nil
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(severity, forKey: .severity)
        try container.encode(message, forKey: .message)
        try container.encode(evidence, forKey: .evidence)
        try container.encode(remedy, forKey: .remedy)
    }

    /// An inconclusive finding of an error-severity rule: missing evidence that keeps a verdict from `pass`.
    public var blocksPass: Bool { outcome == .inconclusive && severity == .error }

    /// The finding of a rule result, `warn` when a rule of severity warning or info is violated.
    public init(rule: SpecRule, result: RuleResult, symbol: Int?) {
        switch result {
        case .pass(let evidence):
            self.init(
                rule: rule.id, outcome: .pass, severity: rule.severity, message: "passed: \(rule.title.en)",
                evidence: evidence, symbol: symbol)
        case .violation(let message, let evidence):
            self.init(
                rule: rule.id, outcome: rule.severity == .error ? .fail : .warn, severity: rule.severity,
                message: message, evidence: evidence, symbol: symbol)
        case .notApplicable(let reason):
            self.init(
                rule: rule.id, outcome: .notApplicable, severity: rule.severity, message: reason, evidence: Evidence(),
                symbol: symbol)
        case .inconclusive(let reason, let remedy, let evidence):
            self.init(
                rule: rule.id, outcome: .inconclusive, severity: rule.severity, message: reason, evidence: evidence,
                symbol: symbol, remedy: remedy)
        }
    }

    /// Findings in report order: by rule id, then symbol index (image-level first).
    public static func sorted(_ findings: [Finding]) -> [Finding] {
        findings.sorted { lhs, rhs in
            lhs.rule != rhs.rule ? lhs.rule < rhs.rule : (lhs.symbol ?? -1) < (rhs.symbol ?? -1)
        }
    }
}
