/// A versioned rule catalogue: what the suite checks, with ids, sources, severities and parameters.
public struct Spec: Sendable, Equatable {
    /// The spec file format versions this build reads.
    public static let supportedFormatVersions: ClosedRange<Int> = 1...1

    public let formatVersion: Int
    public let id: String
    public let version: String
    public let title: LocalizedText
    public let rules: [SpecRule]

    public init(formatVersion: Int, id: String, version: String, title: LocalizedText, rules: [SpecRule]) {
        self.formatVersion = formatVersion
        self.id = id
        self.version = version
        self.title = title
        self.rules = rules
    }

    /// The rule with this id, if the spec has it.
    public func rule(_ id: String) -> SpecRule? {
        rules.first { $0.id == id }
    }
}

/// A text in Vietnamese and English.
public struct LocalizedText: Sendable, Equatable {
    public let vi: String
    public let en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }
}

/// How much a failed rule matters; `warning` and `info` never fail an image.
public enum Severity: String, Sendable, Equatable, Codable, CaseIterable {
    case error, warning, info
}

/// What part of the product a rule judges.
public enum RuleArea: String, Sendable, Equatable, Codable, CaseIterable {
    case payload, symbol, signature, submission, display
}

/// Where a rule comes from: a clause of the guidance, or the suite's own reading where the guidance is silent.
public enum RuleSource: Sendable, Equatable {
    case clause(String, note: String?)
    case interpretation(reasoning: String)
}

/// One rule of a spec.
public struct SpecRule: Sendable, Equatable {
    public let id: String
    public let area: RuleArea
    public let severity: Severity
    public let title: LocalizedText
    public let source: RuleSource
    public let parameters: [String: SpecParameter]

    public init(
        id: String, area: RuleArea, severity: Severity, title: LocalizedText, source: RuleSource,
        parameters: [String: SpecParameter]
    ) {
        self.id = id
        self.area = area
        self.severity = severity
        self.title = title
        self.source = source
        self.parameters = parameters
    }
}
