/// SYM-011: modules are square within the allowed deviation (longer pitch over shorter, minus one).
public struct SquareModulesRule: ConformanceRule {
    public let id = "SYM-011"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = ["max_deviation": .number]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let deviation = context.parameters.number("max_deviation") else {
            return .missingParameter("max_deviation")
        }
        guard let symbol = context.symbol else { return .noSymbol }
        let ratio: Double
        if let measured = symbol.squareRatio.value {
            ratio = measured
        } else if let pitch = symbol.modulePixels.value, Swift.min(pitch.x, pitch.y) > 0 {
            ratio = Swift.max(pitch.x, pitch.y) / Swift.min(pitch.x, pitch.y)
        } else {
            return symbol.squareRatio.inconclusive("module aspect ratio")
        }
        let limit = 1 + deviation
        let evidence = Evidence(
            measured: RuleText.decimal(ratio, 3), limit: "≤ \(RuleText.decimal(limit, 3))",
            where: context.location("modules"))
        guard ratio <= limit else {
            return .violation(
                "the module aspect ratio is \(RuleText.decimal(ratio, 3)), beyond the limit "
                    + "\(RuleText.decimal(limit, 3)); scale the code by the same factor in both directions", evidence)
        }
        return .pass(evidence)
    }
}
