/// SIG-001: EXT[4] holds a signature when the spec's `required` parameter says so.
public struct SignaturePresentRule: ConformanceRule {
    public let id = "SIG-001"
    public let parameterTypes: [String: ParameterType] = ["required": .boolean]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard case .boolean(let required)? = context.parameters.values["required"]?.value else {
            return .missingParameter("required")
        }
        guard let fields = context.fields else { return RuleContext.notSixFields }
        let label = SignatureState.label
        let measured: String
        switch fields.signature {
        case nil: measured = "absent (EXT has \(fields.extFields.count) positions)"
        case let field? where field.isEmpty: measured = "empty"
        case let field?: measured = "present, \(field.bytes.count) characters"
        }
        let evidence = Evidence(
            measured: measured, limit: required ? "KID.SIG required" : "optional", where: context.location(label))
        if required, case .absent = context.signatureState {
            return .violation(
                "\(label) holds no signature; the certification profile requires KID.SIG, an ES256 signature "
                    + "over the payload up to EXT[4]", evidence)
        }
        return .pass(evidence)
    }
}
