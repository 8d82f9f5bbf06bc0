/// SIG-005: the signature verifies with the trusted key over the payload bytes before the `<` that opens EXT[4].
public struct SignatureVerifiesRule: ConformanceRule {
    public let id = "SIG-005"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = [:]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        let field: SignatureField
        let found: TrustedKey?
        switch context.signatureAndKey() {
        case .failure(let skip): return skip.result
        case .success(let result): (field, found, _) = result
        }
        guard let key = found, let payload = context.payload, let range = context.fields?.signedRange else {
            return SignatureSkip.unknownKey
        }
        let verified = key.verifies(signature: field.signature, over: Array(payload.bytes[range]))
        let evidence = Evidence(
            measured: verified ? "verified" : "not verified",
            limit: "\(key.algorithm.rawValue) signature by key \(key.kid) over bytes 0..<\(range.upperBound)",
            where: context.location(SignatureState.label))
        guard verified else {
            return .violation(
                "the signature does not verify with key \(key.kid) over the \(range.upperBound) payload bytes before "
                    + "\(SignatureState.label): the payload changed after signing, or another key signed it",
                evidence)
        }
        return .pass(evidence)
    }
}
