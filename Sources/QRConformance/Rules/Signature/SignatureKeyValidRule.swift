import Foundation

/// SIG-004: the signing key is not revoked and the validation time is inside its window, nbf ≤ t < exp.
public struct SignatureKeyValidRule: ConformanceRule {
    public let id = "SIG-004"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = [:]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        let field: SignatureField
        let found: TrustedKey?
        let trustList: TrustList
        switch context.signatureAndKey() {
        case .failure(let skip): return skip.result
        case .success(let result): (field, found, trustList) = result
        }
        let time = context.validationTime
        let kid = field.keyID
        let measured = "validation time \(CheckReport.timestamp(time))"
        let location = context.location(SignatureState.label)
        if trustList.isRevoked(kid) {
            let evidence = Evidence(measured: measured + ", revoked", limit: "not revoked", where: location)
            return .violation("key \(kid) is revoked in the trust list; sign with a current key", evidence)
        }
        guard let key = found else { return SignatureSkip.unknownKey }
        let evidence = Evidence(measured: measured, limit: key.windowDescription + ", not revoked", where: location)
        if let start = key.notBefore, time < start {
            return .violation(
                "key \(kid) is not valid yet: its window starts at \(CheckReport.timestamp(start)), "
                    + "after the validation time \(CheckReport.timestamp(time))", evidence)
        }
        if let end = key.expires, time >= end {
            return .violation(
                "key \(kid) expired at \(CheckReport.timestamp(end)), not after the validation time "
                    + "\(CheckReport.timestamp(time))", evidence)
        }
        return .pass(evidence)
    }
}
