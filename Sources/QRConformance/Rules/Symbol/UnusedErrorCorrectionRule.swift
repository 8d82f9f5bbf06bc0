/// SYM-008: unused error correction is at least the minimum (ISO/IEC 15415 grade A).
public struct UnusedErrorCorrectionRule: ConformanceRule {
    public let id = "SYM-008"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = ["minimum": .number]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        UnusedErrorCorrectionCheck.evaluate(context) { uec, minimum in
            "unused error correction is \(uec), below the minimum \(minimum); the code is damaged or covered "
                + "(logo, overlay, glare)"
        }
    }
}

/// The shared comparison of SYM-008 and SYM-009; each rule words its own advice.
enum UnusedErrorCorrectionCheck {
    static func evaluate(_ context: RuleContext, message: (String, String) -> String) -> RuleResult {
        guard let minimum = context.parameters.number("minimum") else { return .missingParameter("minimum") }
        guard let symbol = context.symbol else { return .noSymbol }
        guard let uec = symbol.unusedErrorCorrection.value else {
            return symbol.unusedErrorCorrection.inconclusive("unused error correction")
        }
        let measured = RuleText.decimal(uec, 2)
        let limit = RuleText.decimal(minimum, 2)
        let evidence = Evidence(measured: measured, limit: "≥ \(limit)", where: context.location("codewords"))
        guard uec >= minimum else { return .violation(message(measured, limit), evidence) }
        return .pass(evidence)
    }
}
