/// PAY-009: EXT[1] (gender) is empty or one of the allowed codes.
public struct GenderRule: ConformanceRule {
    public let id = "PAY-009"
    public let parameterTypes: [String: ParameterType] = ["allowed": .enumList]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let allowed = context.parameters.strings("allowed") else { return .missingParameter("allowed") }
        guard let fields = context.fields else { return RuleContext.notSixFields }
        let label = PersonalQRPayload.ExtPosition.gender.label
        let limit = "empty or one of " + allowed.joined(separator: ", ")
        let text = fields.gender?.text ?? ""
        let evidence = Evidence(
            measured: text.isEmpty ? "empty" : RuleText.quoted(text), limit: limit, where: context.location(label))
        guard text.isEmpty || allowed.contains(text) else {
            return .violation("\(label) is \(RuleText.quoted(text)); expected \(limit)", evidence)
        }
        return .pass(evidence)
    }
}
