/// PAY-012: LoaiDinhDanh says "declared on behalf" exactly when EXT[0] holds the declarer's QID.
public struct OnBehalfRule: ConformanceRule {
    public let id = "PAY-012"
    public let parameterTypes: [String: ParameterType] = ["on_behalf_value": .string]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let onBehalf = context.parameters.string("on_behalf_value") else {
            return .missingParameter("on_behalf_value")
        }
        guard let fields = context.fields else { return RuleContext.notSixFields }
        let declaredOnBehalf = fields.loaiDinhDanh.text == onBehalf
        let hasQID = !(fields.onBehalfQID?.isEmpty ?? true)
        let label = PersonalQRPayload.ExtPosition.onBehalfQID.label
        let measured = "LoaiDinhDanh \(RuleText.quoted(fields.loaiDinhDanh.text)), \(label) \(hasQID ? "set" : "empty")"
        let evidence = Evidence(
            measured: measured, limit: "\(label) set if and only if LoaiDinhDanh is \(onBehalf)",
            where: context.location("LoaiDinhDanh, \(label)"))
        if declaredOnBehalf, !hasQID {
            return .violation(
                "LoaiDinhDanh is \(onBehalf) (declared on someone's behalf) but \(label) is empty; "
                    + "put the declarer's QID there", evidence)
        }
        if !declaredOnBehalf, hasQID {
            return .violation(
                "\(label) holds a QID but LoaiDinhDanh is \(RuleText.quoted(fields.loaiDinhDanh.text)); "
                    + "set LoaiDinhDanh to \(onBehalf) or leave \(label) empty", evidence)
        }
        return .pass(evidence)
    }
}
