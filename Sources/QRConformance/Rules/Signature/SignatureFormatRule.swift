/// SIG-002: EXT[4] is `KID.SIG`, both strict base64url, an 8-byte key id and a 64-byte ES256 signature.
public struct SignatureFormatRule: ConformanceRule {
    public let id = "SIG-002"
    public let parameterTypes: [String: ParameterType] = [:]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard context.fields != nil else { return RuleContext.notSixFields }
        let label = SignatureState.label
        let limit =
            "KID.SIG, base64url without padding, \(SignatureProfile.keyIDByteCount)-byte KID, "
            + "\(SignatureProfile.signatureByteCount)-byte signature"
        switch context.signatureState {
        case .absent:
            return .notApplicable("no signature in \(label) (see SIG-001)")
        case .malformed(let problem):
            let evidence = Evidence(measured: "malformed", limit: limit, where: context.location(label))
            return .violation("\(label) is malformed: \(problem)", evidence)
        case .wellFormed(let field):
            let evidence = Evidence(
                measured: "kid \(field.keyID), \(field.signature.count)-byte signature", limit: limit,
                where: context.location(label))
            return .pass(evidence)
        }
    }
}
