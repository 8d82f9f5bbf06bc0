/// SYM-018: zbar and the suite's own reader decode the symbol to the same bytes; zxing-cpp, when it reads the code
/// at screen resolution, reads those bytes too and reports the error correction level our reader measured.
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
        if let zxing = symbol.zxing {
            guard zxing.bytesAgree else {
                return .violation(
                    "zxing-cpp decoded bytes other than zbar's; the code is ambiguous, check how it is drawn",
                    Evidence(measured: "different bytes (zxing-cpp)", limit: "same bytes", where: evidence.location))
            }
            if let theirs = zxing.ecLevel, let ours = symbol.ecLevel.value, theirs != ours {
                return .violation(
                    "zxing-cpp reports error correction level \(theirs.rawValue), the suite's reader \(ours.rawValue); "
                        + "the format information is ambiguous",
                    Evidence(
                        measured: "EC level \(theirs.rawValue) (zxing-cpp) vs \(ours.rawValue)", limit: "same EC level",
                        where: evidence.location))
            }
        }
        return .pass(evidence)
    }
}
