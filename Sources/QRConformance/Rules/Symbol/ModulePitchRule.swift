/// SYM-010: the smallest module pitch is at least the minimum number of pixels (less the measurement tolerance).
public struct ModulePitchRule: ConformanceRule {
    public let id = "SYM-010"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = ["minimum": .number, "measurement_tolerance": .number]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let minimum = context.parameters.number("minimum") else { return .missingParameter("minimum") }
        guard let tolerance = context.parameters.number("measurement_tolerance") else {
            return .missingParameter("measurement_tolerance")
        }
        guard let symbol = context.symbol else { return .noSymbol }
        guard let pitch = symbol.modulePixels.value else { return symbol.modulePixels.inconclusive("module size") }
        let smallest = Swift.min(pitch.min, pitch.x, pitch.y)
        let evidence = Evidence(
            measured: "\(RuleText.decimal(smallest, 2)) px", limit: "≥ \(RuleText.decimal(minimum, 2)) px",
            where: context.location("modules"))
        guard smallest >= minimum - tolerance else {
            return .violation(
                "modules are \(RuleText.decimal(smallest, 2)) px, below the minimum "
                    + "\(RuleText.decimal(minimum, 2)) px; "
                    + "draw each module with more pixels", evidence)
        }
        return .pass(evidence)
    }
}
