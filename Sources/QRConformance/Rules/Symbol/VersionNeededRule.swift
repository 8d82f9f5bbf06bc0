/// SYM-005: the version is no larger than the payload needs at the symbol's own level, plus a slack.
public struct VersionNeededRule: ConformanceRule {
    public let id = "SYM-005"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = ["slack": .integer]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let slack = context.parameters.integer("slack") else { return .missingParameter("slack") }
        guard let symbol = context.symbol else { return .noSymbol }
        guard let version = symbol.version.value else { return symbol.version.inconclusive("QR version") }
        guard let level = symbol.ecLevel.value else { return symbol.ecLevel.inconclusive("error correction level") }
        let count = symbol.payload.count
        guard let needed = QRCapacity.minimumByteModeVersion(byteCount: count, level: level) else {
            return .inconclusive(
                "a \(count)-byte payload fits no QR version at level \(level.rawValue)",
                remedy: "report this image to the qrconform maintainers: a decoded code always fits its version")
        }
        let allowed = needed + slack
        let evidence = Evidence(
            measured: "version \(version)", limit: "≤ \(allowed) (needed \(needed) + slack \(slack))",
            where: context.location("symbol"))
        guard version <= allowed else {
            return .violation(
                "QR version \(version) is larger than needed: \(count) bytes fit version \(needed) at level "
                    + "\(level.rawValue) (allowed up to \(allowed)); use the smallest version that holds the payload",
                evidence)
        }
        return .pass(evidence)
    }
}
