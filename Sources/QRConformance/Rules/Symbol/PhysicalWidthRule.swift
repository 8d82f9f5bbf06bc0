/// SYM-017: when the pixel density is known, the symbol is at least the minimum width on screen.
public struct PhysicalWidthRule: ConformanceRule {
    public let id = "SYM-017"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = ["minimum": .number]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let minimum = context.parameters.number("minimum") else { return .missingParameter("minimum") }
        guard let symbol = context.symbol else { return .noSymbol }
        guard let ppi = context.image.ppi, ppi > 0 else {
            return .inconclusive(
                "the pixel density is unknown (no pHYs in the file, no --ppi or --device given, no ppi or catalogued device in the manifest)",
                remedy:
                    "pass --device NAME (qrconform devices lists them) or --ppi N, or save the screenshot with a pHYs chunk"
            )
        }
        guard let pixels = symbol.sizePixels.value else { return symbol.sizePixels.inconclusive("symbol size") }
        let millimetres = pixels / ppi * 25.4
        let evidence = Evidence(
            measured: "\(RuleText.decimal(millimetres, 1)) mm (\(RuleText.decimal(pixels, 0)) px at "
                + "\(RuleText.decimal(ppi, 0)) ppi)",
            limit: "≥ \(RuleText.decimal(minimum, 1)) mm", where: context.location("symbol"))
        guard millimetres >= minimum else {
            return .violation(
                "the code is \(RuleText.decimal(millimetres, 1)) mm wide on screen, below the minimum "
                    + "\(RuleText.decimal(minimum, 1)) mm; draw it larger", evidence)
        }
        return .pass(evidence)
    }
}
