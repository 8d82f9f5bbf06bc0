import Crypto
import Foundation

/// Checks a report's detached signature against the centre's published report-signing keys.
///
/// Invalid signatures are results, not errors: the command says "invalid" and why. Only files that cannot be read
/// or parsed at all are thrown.
///
/// ```swift
/// let keys = try ReportSigningKeys.parse(data: jwks, path: "centre.jwks.json")
/// switch ReportVerifier.verify(report: reportBytes, jws: jws, keys: keys) { case .valid(let key): … }
/// ```
public enum ReportVerifier {
    public enum Outcome: Sendable, Equatable {
        case valid(ReportSigningKeys.Key)
        case invalid(String)
    }

    public static func verify(report: [UInt8], jws: DetachedJWS, keys: ReportSigningKeys) -> Outcome {
        guard jws.algorithm == "ES256" else {
            return .invalid("the signature's algorithm is \(jws.algorithm); only ES256 is accepted")
        }
        guard let key = keys.key(id: jws.kid) else {
            return .invalid("the signing key \(jws.kid) is not in the centre's key list \(keys.path)")
        }
        guard let publicKey = try? P256.Signing.PublicKey(rawRepresentation: key.publicKeyRaw),
            let signature = try? P256.Signing.ECDSASignature(rawRepresentation: jws.signature)
        else { return .invalid("the signature is not a 64-byte ES256 value") }
        let input = DetachedJWS.signingInput(header: jws.encodedHeader, payload: report)
        guard publicKey.isValidSignature(signature, for: input) else {
            return .invalid(
                "the signature does not match the report's bytes "
                    + "(the report or its signature was changed after signing)")
        }
        return .valid(key)
    }
}
