/// SYM-008: unused error correction is at least the minimum (ISO/IEC 15415 grade A).
public struct UnusedErrorCorrectionRule: ConformanceRule {
    public let id = "SYM-008"
    public let parameterTypes: [String: ParameterType] = ["minimum": .number]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let minimum = context.parameters.number("minimum") else { return .missingParameter("minimum") }
        guard let symbol = context.symbol else { return .noSymbol }
        guard let uec = symbol.unusedErrorCorrection.value else {
            return symbol.unusedErrorCorrection.skip("unused error correction")
        }
        let evidence = Evidence(
            measured: RuleText.decimal(uec, 2), limit: "≥ \(RuleText.decimal(minimum, 2))",
            where: context.location("codewords"))
        guard uec >= minimum else {
            return .violation(
                "unused error correction is \(RuleText.decimal(uec, 2)), below the minimum "
                    + "\(RuleText.decimal(minimum, 2)); the code is damaged or covered (logo, overlay, glare)", evidence
            )
        }
        return .pass(evidence)
    }
}
