import Crypto

/// The centre's published report-signing keys: a JWKS of EC P-256 public keys whose `kid` is the full RFC 7638
/// thumbprint, with an optional `name` saying who signs with each.
///
/// ```swift
/// let keys = try ReportSigningKeys.parse(data: bytes, path: "TestVectors/keys/test-centre-reports.jwks.json")
/// ```
public struct ReportSigningKeys: Sendable, Equatable {
    public struct Key: Sendable, Equatable {
        public let kid: String
        public let name: String?
        /// x‖y, checked to be on P-256.
        public let publicKeyRaw: [UInt8]
    }

    public let path: String
    public let keys: [Key]

    public func key(id: String) -> Key? { keys.first { $0.kid == id } }

    public static func parse(data: [UInt8], path: String) throws(ReportSigningError) -> ReportSigningKeys {
        func refuse(_ cause: String) -> ReportSigningError {
            ReportSigningError.reportSigning(code: .invalidKeyList, path: path, cause: cause)
        }
        let root: JSONValue
        do { root = try StrictJSON.parse(data) } catch {
            throw ReportSigningError.reportSigning(code: .invalidJSON, path: path, cause: "not valid JSON: \(error)")
        }
        guard case .array(let entries)? = root.objectValue?["keys"] else {
            throw refuse("not a JWKS: no \"keys\" array")
        }
        var keys: [Key] = []
        for (index, entry) in entries.enumerated() {
            guard let jwk = entry.objectValue else { throw refuse("keys[\(index)] is not a JWK object") }
            guard jwk["d"] == nil else {
                throw refuse("keys[\(index)] holds a private key (\"d\"); a published key list holds public keys only")
            }
            guard jwk["kty"]?.stringValue == "EC", jwk["crv"]?.stringValue == "P-256" else {
                throw refuse("keys[\(index)] is not an EC P-256 key")
            }
            guard let x = jwk["x"]?.stringValue, let y = jwk["y"]?.stringValue,
                let xBytes = try? Base64URL.decode(x), let yBytes = try? Base64URL.decode(y),
                let point = try? P256.Signing.PublicKey(rawRepresentation: xBytes + yBytes)
            else { throw refuse("keys[\(index)] has no valid P-256 \"x\" and \"y\"") }
            let kid = Base64URL.encode(JWKThumbprint.sha256(crv: "P-256", x: x, y: y))
            guard jwk["kid"]?.stringValue == kid else {
                throw refuse("keys[\(index)] has a \"kid\" that is not its RFC 7638 thumbprint \(kid)")
            }
            keys.append(Key(kid: kid, name: jwk["name"]?.stringValue, publicKeyRaw: Array(point.rawRepresentation)))
        }
        return ReportSigningKeys(path: path, keys: keys)
    }
}
