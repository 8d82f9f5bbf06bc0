import QRSymbol

/// SYM-002: the error correction level is at least the minimum.
public struct ECLevelMinimumRule: ConformanceRule {
    public let id = "SYM-002"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = ["minimum": .enumeration]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let minimum = context.parameters.string("minimum").flatMap(ErrorCorrectionLevel.init(rawValue:)) else {
            return .missingParameter("minimum")
        }
        guard let symbol = context.symbol else { return .noSymbol }
        guard let level = symbol.ecLevel.value else { return symbol.ecLevel.inconclusive("error correction level") }
        let evidence = Evidence(
            measured: level.rawValue, limit: "≥ \(minimum.rawValue)", where: context.location("format information"))
        guard level >= minimum else {
            return .violation(
                "error correction level \(level.rawValue) is below the minimum \(minimum.rawValue); "
                    + "generate the code at level \(minimum.rawValue) or higher", evidence)
        }
        return .pass(evidence)
    }
}
