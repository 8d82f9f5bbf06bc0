/// SYM-004: the QR version is at most the maximum.
public struct VersionMaximumRule: ConformanceRule {
    public let id = "SYM-004"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = ["max_version": .integer]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let maximum = context.parameters.integer("max_version") else { return .missingParameter("max_version") }
        guard let symbol = context.symbol else { return .noSymbol }
        guard let version = symbol.version.value else { return symbol.version.inconclusive("QR version") }
        let evidence = Evidence(
            measured: "version \(version)", limit: "≤ \(maximum)", where: context.location("symbol"))
        guard version <= maximum else {
            return .violation(
                "QR version \(version) is above the maximum \(maximum); shorten the payload or use the smallest "
                    + "version that holds it", evidence)
        }
        return .pass(evidence)
    }
}
