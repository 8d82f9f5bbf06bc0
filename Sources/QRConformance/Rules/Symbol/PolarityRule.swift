import QRSymbol

/// SYM-014: the code has the required polarity (dark modules on a light background).
public struct PolarityRule: ConformanceRule {
    public let id = "SYM-014"
    public let parameterTypes: [String: ParameterType] = ["required": .enumeration]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let required = context.parameters.string("required").flatMap(Polarity.init(rawValue:)) else {
            return .missingParameter("required")
        }
        guard let symbol = context.symbol else { return .noSymbol }
        guard let polarity = symbol.polarity.value else { return symbol.polarity.inconclusive("polarity") }
        let evidence = Evidence(
            measured: polarity.rawValue, limit: required.rawValue, where: context.location("symbol"))
        guard polarity == required else {
            return .violation(
                "the code is drawn \(polarity.rawValue); draw it \(required.rawValue), also when the app uses a dark "
                    + "theme", evidence)
        }
        return .pass(evidence)
    }
}
