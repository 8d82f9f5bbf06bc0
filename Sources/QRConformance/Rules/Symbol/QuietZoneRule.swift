/// SYM-013: at least the minimum number of light modules surrounds the symbol on every side.
public struct QuietZoneRule: ConformanceRule {
    public let id = "SYM-013"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = ["minimum": .integer]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let minimum = context.parameters.integer("minimum") else { return .missingParameter("minimum") }
        guard let symbol = context.symbol else { return .noSymbol }
        guard let zone = symbol.quietZone.value else { return symbol.quietZone.inconclusive("quiet zone") }
        let sides = [("top", zone.top), ("right", zone.right), ("bottom", zone.bottom), ("left", zone.left)]
        let measured = sides.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        let evidence = Evidence(
            measured: measured, limit: "≥ \(minimum) modules per side", where: context.location("quiet zone"))
        let short = sides.filter { $0.1 < minimum }
        guard short.isEmpty else {
            let list = short.map { "\($0.0) (\($0.1))" }.joined(separator: ", ")
            return .violation(
                "the quiet zone is below \(minimum) modules on the \(list); leave at least \(minimum) light modules "
                    + "on every side of the code", evidence)
        }
        return .pass(evidence)
    }
}
