/// PAY-011: EXT[3] (phone) is empty or a national number: the prefix then digits, of the given length.
public struct PhoneRule: ConformanceRule {
    public let id = "PAY-011"
    public let parameterTypes: [String: ParameterType] = ["length": .integer, "prefix": .string]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let length = context.parameters.integer("length") else { return .missingParameter("length") }
        guard let prefix = context.parameters.string("prefix") else { return .missingParameter("prefix") }
        guard let fields = context.fields else { return RuleContext.notSixFields }
        let label = PersonalQRPayload.ExtPosition.phone.label
        let limit = "empty or \(length) digits starting with \(prefix)"
        let bytes = fields.phone?.bytes ?? []
        let measured = bytes.isEmpty ? "empty" : "\(bytes.count) characters"
        let evidence = Evidence(measured: measured, limit: limit, where: context.location(label))
        let shaped =
            bytes.count == length && bytes.allSatisfy(RuleText.isDigit) && bytes.starts(with: Array(prefix.utf8))
        guard bytes.isEmpty || shaped else {
            return .violation(
                "\(label) is not \(length) digits starting with \(prefix) (national format, no +84)",
                evidence)
        }
        return .pass(evidence)
    }
}
