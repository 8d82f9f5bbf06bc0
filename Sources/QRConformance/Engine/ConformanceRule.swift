import Foundation

/// Whether a rule judges the image as a whole or each symbol in it.
public enum RuleScope: Sendable, Equatable {
    case image, symbol
}

/// A rule implementation: a stable id, the parameters it reads from the spec, and a pure judgement.
public protocol ConformanceRule: Sendable {
    var id: String { get }
    var scope: RuleScope { get }
    /// Parameter names and types this implementation reads; the linter holds the spec to them.
    var parameterTypes: [String: ParameterType] { get }
    /// Whether the rule can be inconclusive on a real input (it rests on a measurement, OCR, a pixel density or a
    /// trust list); the coverage gate then requires a vector where it is.
    var canBeInconclusive: Bool { get }
    func evaluate(_ context: RuleContext) -> RuleResult
}

extension ConformanceRule {
    public var scope: RuleScope { .symbol }
    public var canBeInconclusive: Bool { false }
}

/// The inputs of one rule evaluation.
public struct RuleContext: Sendable {
    public let image: ImageObservation
    /// The symbol judged; nil for image-level rules.
    public let symbol: SymbolObservation?
    /// The parsed payload of `symbol`.
    public let payload: PayloadParse?
    public let parameters: RuleParameters
    /// The instant the check is made as of; birth dates after it fail.
    public let validationTime: Date
    /// Prefix for `evidence.where` when the image holds several symbols, e.g. `symbol 2: `.
    public let locationPrefix: String
    /// The keys signatures are verified against; nil when none was given (the signature key rules then skip).
    public let trustList: TrustList?

    public init(
        image: ImageObservation, symbol: SymbolObservation?, payload: PayloadParse?, parameters: RuleParameters,
        validationTime: Date, locationPrefix: String = "", trustList: TrustList? = nil
    ) {
        self.image = image
        self.symbol = symbol
        self.payload = payload
        self.parameters = parameters
        self.validationTime = validationTime
        self.locationPrefix = locationPrefix
        self.trustList = trustList
    }

    /// `evidence.where` with the symbol prefix.
    public func location(_ text: String) -> String {
        locationPrefix + text
    }
}
