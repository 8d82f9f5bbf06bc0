/// The signature rules as a group: their shared skips, and whether a spec needs a trust list to be judged.
///
/// ```swift
/// if trustList == nil, SignatureRules.requiresTrustList(spec: spec) { exit(2) }   // "no trust list given"
/// ```
public enum SignatureRules {
    /// Why the key and verification rules are inconclusive when the engine has no trust list.
    public static let noTrustListReason = "no trust list given"

    /// What makes them judgeable.
    public static let noTrustListRemedy = "pass --trust-list JWKS with the keys of the national QR platform"

    /// The rules that need a trust list to be judged.
    public static let trustListRuleIDs: [String] = [
        SignatureKeyKnownRule().id, SignatureKeyValidRule().id, SignatureVerifiesRule().id,
    ]

    /// Whether this spec requires a signature and has rules that can only be judged with a trust list.
    ///
    /// When true and no trust list is given, the verdict must be `error`: nobody certifies unverified work.
    public static func requiresTrustList(spec: Spec) -> Bool {
        let required = spec.rule(SignaturePresentRule().id)?.parameters["required"]?.value == .boolean(true)
        return required && spec.rules.contains { trustListRuleIDs.contains($0.id) }
    }

    /// Whether a finding is inconclusive only because the trust list is missing.
    public static func isMissingTrustList(_ finding: Finding) -> Bool {
        finding.outcome == .inconclusive && finding.message == noTrustListReason
    }
}

/// The EXT[4] value of a symbol, as the signature rules see it.
enum SignatureState {
    case absent
    case malformed(SignatureField.Problem)
    case wellFormed(SignatureField)

    static let label = PersonalQRPayload.ExtPosition.signature.label
}

extension RuleContext {
    /// The signature in EXT[4]: absent when EXT has no position 4 or it is empty.
    var signatureState: SignatureState {
        guard let bytes = fields?.signature?.bytes, !bytes.isEmpty else { return .absent }
        do { return .wellFormed(try SignatureField.parse(bytes)) } catch { return .malformed(error) }
    }

    /// The well-formed signature and the trusted key it names, or the skip that stops a trust-list rule.
    func signatureAndKey() -> Result<(SignatureField, TrustedKey?, TrustList), SignatureSkip> {
        guard fields != nil else { return .failure(SignatureSkip(RuleContext.notSixFields)) }
        guard let trustList else {
            return .failure(
                SignatureSkip(.inconclusive(SignatureRules.noTrustListReason, remedy: SignatureRules.noTrustListRemedy))
            )
        }
        switch signatureState {
        case .absent:
            return .failure(SignatureSkip(.notApplicable("no signature in \(SignatureState.label) (see SIG-001)")))
        case .malformed: return .failure(SignatureSkip(.notApplicable("the signature is malformed (see SIG-002)")))
        case .wellFormed(let field): return .success((field, trustList.key(id: field.keyID), trustList))
        }
    }
}

/// The result a trust-list rule returns without judging.
struct SignatureSkip: Error {
    let result: RuleResult

    init(_ result: RuleResult) {
        self.result = result
    }

    /// The skip of rules that need the key once SIG-003 found none.
    static let unknownKey = RuleResult.notApplicable("the key is not in the trust list (see SIG-003)")
}
