/// SYM-007: the symbol uses only the allowed segment modes (no ECI, Kanji, structured append or FNC1).
public struct SegmentModesRule: ConformanceRule {
    public let id = "SYM-007"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = ["allowed_modes": .enumList]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let allowed = context.parameters.strings("allowed_modes") else {
            return .missingParameter("allowed_modes")
        }
        guard let symbol = context.symbol else { return .noSymbol }
        guard let segments = symbol.segments.value else { return symbol.segments.inconclusive("segments") }
        var seen: [String] = []
        for mode in segments.map(\.rawValue) where !seen.contains(mode) { seen.append(mode) }
        let forbidden = seen.filter { !allowed.contains($0) }
        let evidence = Evidence(
            measured: seen.joined(separator: ", "), limit: allowed.joined(separator: ", "),
            where: context.location("segments"))
        guard forbidden.isEmpty else {
            return .violation(
                "the symbol uses \(forbidden.joined(separator: ", ")) segments; encode the payload with "
                    + "\(allowed.joined(separator: ", ")) segments only", evidence)
        }
        return .pass(evidence)
    }
}
