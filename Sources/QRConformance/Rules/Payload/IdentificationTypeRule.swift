/// PAY-007: LoaiDinhDanh is one of the allowed values (0 self-declared, 1 declared on someone's behalf).
public struct IdentificationTypeRule: ConformanceRule {
    public let id = "PAY-007"
    public let parameterTypes: [String: ParameterType] = ["allowed": .enumList]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let allowed = context.parameters.strings("allowed") else { return .missingParameter("allowed") }
        guard let field = context.fields?.loaiDinhDanh else { return RuleContext.notSixFields }
        let limit = "one of " + allowed.joined(separator: ", ")
        let evidence = Evidence(
            measured: RuleText.quoted(field.text), limit: limit, where: context.location("LoaiDinhDanh"))
        guard allowed.contains(field.text) else {
            return .violation("LoaiDinhDanh is \(RuleText.quoted(field.text)); expected \(limit)", evidence)
        }
        return .pass(evidence)
    }
}
