/// SIG-006: nothing follows the signature; EXT positions after 4 would not be covered by it.
public struct SignatureLastFieldRule: ConformanceRule {
    public let id = "SIG-006"
    public let parameterTypes: [String: ParameterType] = [:]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let fields = context.fields else { return RuleContext.notSixFields }
        let count = fields.extFields.count
        let lastAllowed = PersonalQRPayload.ExtPosition.signature.rawValue + 1
        let evidence = Evidence(
            measured: "\(count) EXT positions", limit: "at most \(lastAllowed) (EXT[0] to EXT[4])",
            where: context.location("EXT"))
        guard count <= lastAllowed else {
            let extra = count - lastAllowed
            let positions = extra == 1 ? "1 position" : "\(extra) positions"
            return .violation(
                "EXT has \(positions) after \(SignatureState.label), which the signature does not cover; "
                    + "end the payload with the signature", evidence)
        }
        return .pass(evidence)
    }
}
