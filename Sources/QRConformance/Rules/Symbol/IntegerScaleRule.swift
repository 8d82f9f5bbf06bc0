/// SYM-012: the code is drawn at a whole number of pixels per module with hard edges, not resampled.
public struct IntegerScaleRule: ConformanceRule {
    public let id = "SYM-012"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = [:]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let symbol = context.symbol else { return .noSymbol }
        guard let rendering = symbol.rendering.value else { return symbol.rendering.inconclusive("rendering") }
        let evidence = Evidence(
            measured: rendering.rawValue, limit: Rendering.integerHardEdges.rawValue, where: context.location("modules")
        )
        guard rendering == .integerHardEdges else {
            return .violation(
                "the code is resampled (blurred or grey module edges); draw each module as a whole number of pixels "
                    + "without smoothing", evidence)
        }
        return .pass(evidence)
    }
}
