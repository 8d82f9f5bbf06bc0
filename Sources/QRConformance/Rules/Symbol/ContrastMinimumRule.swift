/// SYM-015: symbol contrast is at least the minimum.
public struct ContrastMinimumRule: ConformanceRule {
    public let id = "SYM-015"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = ["minimum": .number]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        ContrastCheck.evaluate(context, wording: "the minimum")
    }
}

/// SYM-016: symbol contrast reaches the recommended level (a warning below it).
public struct ContrastRecommendedRule: ConformanceRule {
    public let id = "SYM-016"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = ["minimum": .number]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        ContrastCheck.evaluate(context, wording: "the recommended")
    }
}

/// The shared contrast comparison of SYM-015 and SYM-016.
enum ContrastCheck {
    static func evaluate(_ context: RuleContext, wording: String) -> RuleResult {
        guard let minimum = context.parameters.number("minimum") else { return .missingParameter("minimum") }
        guard let symbol = context.symbol else { return .noSymbol }
        guard let contrast = symbol.symbolContrast.value else {
            return symbol.symbolContrast.inconclusive("symbol contrast")
        }
        let evidence = Evidence(
            measured: RuleText.decimal(contrast, 2), limit: "≥ \(RuleText.decimal(minimum, 2))",
            where: context.location("symbol"))
        guard contrast >= minimum else {
            return .violation(
                "symbol contrast is \(RuleText.decimal(contrast, 2)), below \(wording) "
                    + "\(RuleText.decimal(minimum, 2)); "
                    + "use black modules on a white background", evidence)
        }
        return .pass(evidence)
    }
}
