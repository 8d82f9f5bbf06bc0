/// SYM-018: zbar and the suite's own reader decode the symbol to the same bytes.
public struct DecodersAgreeRule: ConformanceRule {
    public let id = "SYM-018"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = [:]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let symbol = context.symbol else { return .noSymbol }
        guard let agree = symbol.decodersAgree.value else {
            return symbol.decodersAgree.inconclusive("second decoding")
        }
        let evidence = Evidence(
            measured: agree ? "same bytes" : "different bytes", limit: "same bytes", where: context.location("payload"))
        guard agree else {
            return .violation(
                "zbar and the suite's own reader decoded different bytes; the code is ambiguous, check how it is drawn",
                evidence)
        }
        return .pass(evidence)
    }
}
