/// SIG-003: the key id in EXT[4] names a key of the trust list.
public struct SignatureKeyKnownRule: ConformanceRule {
    public let id = "SIG-003"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = [:]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        let field: SignatureField
        let key: TrustedKey?
        let trustList: TrustList
        switch context.signatureAndKey() {
        case .failure(let skip): return skip.result
        case .success(let found): (field, key, trustList) = found
        }
        let evidence = Evidence(
            measured: "kid \(field.keyID) \(key == nil ? "not found" : "found")", limit: "a kid in the trust list",
            where: context.location(SignatureState.label))
        guard key != nil else {
            let revoked = trustList.isRevoked(field.keyID) ? " (it is listed as revoked)" : ""
            return .violation(
                "key id \(field.keyID) is not in the trust list\(revoked); "
                    + "sign with a key the certification centre lists",
                evidence)
        }
        return .pass(evidence)
    }
}
