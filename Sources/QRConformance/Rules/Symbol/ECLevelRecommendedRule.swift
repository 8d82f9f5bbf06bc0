import QRSymbol

/// SYM-003: the error correction level reaches the recommended level (informational).
public struct ECLevelRecommendedRule: ConformanceRule {
    public let id = "SYM-003"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = ["recommended": .enumeration]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let recommended = context.parameters.string("recommended").flatMap(ErrorCorrectionLevel.init(rawValue:))
        else { return .missingParameter("recommended") }
        guard let symbol = context.symbol else { return .noSymbol }
        guard let level = symbol.ecLevel.value else { return symbol.ecLevel.inconclusive("error correction level") }
        let evidence = Evidence(
            measured: level.rawValue, limit: "≥ \(recommended.rawValue)", where: context.location("format information"))
        guard level >= recommended else {
            return .violation(
                "error correction level \(level.rawValue) is below the recommended \(recommended.rawValue); "
                    + "level \(recommended.rawValue) tolerates more damage and glare", evidence)
        }
        return .pass(evidence)
    }
}
