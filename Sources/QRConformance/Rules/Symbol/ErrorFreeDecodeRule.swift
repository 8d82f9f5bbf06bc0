/// SYM-009: no codeword needed correcting (unused error correction at the warning level), so nothing covers the code.
public struct ErrorFreeDecodeRule: ConformanceRule {
    public let id = "SYM-009"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = ["minimum": .number]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        UnusedErrorCorrectionCheck.evaluate(context) { uec, minimum in
            "unused error correction is \(uec), below \(minimum): some codewords needed correcting; check that "
                + "nothing covers or distorts the code"
        }
    }
}
