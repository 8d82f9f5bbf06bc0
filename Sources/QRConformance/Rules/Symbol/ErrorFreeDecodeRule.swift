/// SYM-009: no codeword needed correcting (unused error correction at the warning level), so nothing covers the code.
public struct ErrorFreeDecodeRule: ConformanceRule {
    public let id = "SYM-009"
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
                "unused error correction is \(RuleText.decimal(uec, 2)), below \(RuleText.decimal(minimum, 2)): some "
                    + "codewords needed correcting; check that nothing covers or distorts the code", evidence)
        }
        return .pass(evidence)
    }
}
