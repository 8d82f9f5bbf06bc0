/// SYM-001: the image holds exactly the required number of QR codes (one).
public struct SymbolCountRule: ConformanceRule {
    public let id = "SYM-001"
    public let scope = RuleScope.image
    public let parameterTypes: [String: ParameterType] = ["count": .integer]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let expected = context.parameters.integer("count") else { return .missingParameter("count") }
        let count = context.image.symbols.count
        let evidence = Evidence(measured: "\(count) QR codes", limit: "\(expected)", where: "image")
        if count == expected { return .pass(evidence) }
        if count == 0 {
            return .violation("no QR code was found in the image; show the personal QR code on screen", evidence)
        }
        return .violation("the image holds \(count) QR codes; show exactly \(expected) personal QR code", evidence)
    }
}
