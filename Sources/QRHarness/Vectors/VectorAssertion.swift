import QRConformance

/// What a manifest expects: a rule's outcome, or (on the row named `verdict`) the vector's verdict.
public enum Expectation: Sendable, Equatable, CustomStringConvertible {
    case outcome(RuleOutcome)
    case verdict(Verdict)

    public var description: String {
        switch self {
        case .outcome(let outcome): outcome.rawValue
        case .verdict(let verdict): verdict.rawValue
        }
    }
}

/// What a rule actually did on a vector: an outcome, the vector's verdict, no finding at all, or a harness error
/// reading the vector.
public enum ActualOutcome: Sendable, Equatable, CustomStringConvertible {
    case outcome(RuleOutcome)
    case verdict(Verdict)
    /// The spec run has no finding for the rule.
    case absent
    case error(String)

    public var description: String {
        switch self {
        case .outcome(let outcome): outcome.rawValue
        case .verdict(let verdict): verdict.rawValue
        case .absent: "absent"
        case .error: "error"
        }
    }
}

/// One rule's actual result on one vector, with the finding's message.
public struct VectorResult: Sendable, Equatable {
    public let area: String
    public let vector: String
    public let rule: String
    public let actual: ActualOutcome
    public let message: String

    public init(area: String, vector: String, rule: String, actual: ActualOutcome, message: String) {
        self.area = area
        self.vector = vector
        self.rule = rule
        self.actual = actual
        self.message = message
    }
}

/// One expectation of the manifest compared with what the rule did: a row of `vectors verify`.
public struct VectorAssertion: Sendable, Equatable {
    public let area: String
    public let vector: String
    public let rule: String
    public let expected: Expectation
    public let actual: ActualOutcome
    /// The finding's message (or the error), so a mismatch says why.
    public let message: String

    public init(
        area: String, vector: String, rule: String, expected: Expectation, actual: ActualOutcome,
        message: String
    ) {
        self.area = area
        self.vector = vector
        self.rule = rule
        self.expected = expected
        self.actual = actual
        self.message = message
    }

    /// The row name of a vector's verdict assertion.
    public static let verdictRow = "verdict"

    /// Whether `inconclusive` also meets the expectation (the vector's `unsure_allowed`).
    public var unsureAllowed = false

    public var matches: Bool {
        switch expected {
        case .outcome(let outcome): actual == .outcome(outcome) || (unsureAllowed && actual == .outcome(.inconclusive))
        case .verdict(let verdict): actual == .verdict(verdict)
        }
    }
}

/// Counts of one area in one verification run.
public struct VectorAreaSummary: Sendable, Equatable {
    public let area: String
    public let vectors: Int
    public let assertions: Int
    public let mismatches: Int
}

/// The result of verifying the corpus against one spec.
public struct VectorVerification: Sendable, Equatable {
    public let specID: String
    public let specVersion: String
    public let assertions: [VectorAssertion]
    public let summaries: [VectorAreaSummary]
    /// Areas whose manifest has no expectations for this spec version: nothing there would be asserted.
    public let areasWithoutExpectations: [String]

    public var mismatches: [VectorAssertion] { assertions.filter { !$0.matches } }
    public var passed: Bool { mismatches.isEmpty && areasWithoutExpectations.isEmpty }
}
