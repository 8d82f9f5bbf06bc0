/// PAY-010: EXT[2] (health insurance number) is empty or uppercase letters followed by digits.
public struct InsuranceNumberRule: ConformanceRule {
    public let id = "PAY-010"
    public let parameterTypes: [String: ParameterType] = ["letters": .integer, "digits": .integer]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let letters = context.parameters.integer("letters") else { return .missingParameter("letters") }
        guard let digits = context.parameters.integer("digits") else { return .missingParameter("digits") }
        guard let fields = context.fields else { return RuleContext.notSixFields }
        let label = PersonalQRPayload.ExtPosition.insuranceNumber.label
        let limit = "empty or \(letters) uppercase letters then \(digits) digits"
        let bytes = fields.insuranceNumber?.bytes ?? []
        let measured = bytes.isEmpty ? "empty" : "\(bytes.count) characters"
        let evidence = Evidence(measured: measured, limit: limit, where: context.location(label))
        let shaped =
            bytes.count == letters + digits && bytes.prefix(letters).allSatisfy(RuleText.isUpper)
            && bytes.dropFirst(letters).allSatisfy(RuleText.isDigit)
        guard bytes.isEmpty || shaped else {
            return .violation(
                "\(label) is not \(letters) uppercase letters followed by \(digits) digits",
                evidence)
        }
        return .pass(evidence)
    }
}
