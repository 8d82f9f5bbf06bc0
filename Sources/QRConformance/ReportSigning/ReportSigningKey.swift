import Crypto

/// The centre's report-signing key: an EC P-256 private JWK, read from a file the centre keeps to itself.
///
/// Its key id is the key's full RFC 7638 SHA-256 thumbprint (base64url), so anyone holding the public key can
/// recompute it. The private scalar stays in this value: it is never written to a report or the register.
///
/// ```swift
/// let key = try ReportSigningKey.parse(data: bytes, path: "centre.private.jwk.json")
/// let jws = DetachedJWS.sign(reportBytes, with: key)
/// ```
public struct ReportSigningKey: Sendable, Equatable {
    /// RFC 7638 thumbprint of the public key, base64url.
    public let kid: String
    /// Who signs, from the JWK's optional `name` member; the key id when it has none.
    public let signer: String
    /// The private scalar (32 bytes); kept as bytes because swift-crypto's key type is not `Sendable` everywhere.
    let privateRaw: [UInt8]

    /// Reads a private EC P-256 JWK (`kty` EC, `crv` P-256, `x`, `y`, `d`); anything else is refused naming why.
    public static func parse(data: [UInt8], path: String) throws(ReportSigningError) -> ReportSigningKey {
        func refuse(_ cause: String) -> ReportSigningError {
            ReportSigningError.reportSigning(
                code: .notP256PrivateKey, path: path, cause: "not an EC P-256 private key: \(cause)")
        }
        let root: JSONValue
        do { root = try StrictJSON.parse(data) } catch {
            throw ReportSigningError.reportSigning(code: .invalidJSON, path: path, cause: "not valid JSON: \(error)")
        }
        guard let jwk = root.objectValue else { throw refuse("the file holds a JSON \(root.typeName), not a JWK") }
        if jwk["keys"] != nil { throw refuse("the file is a key set (JWKS); give one private JWK") }
        guard let kty = jwk["kty"]?.stringValue else { throw refuse("no \"kty\" string") }
        guard kty == "EC" else { throw refuse("\"kty\" is \(kty), not EC") }
        guard let crv = jwk["crv"]?.stringValue else { throw refuse("no \"crv\" string") }
        guard crv == "P-256" else { throw refuse("\"crv\" is \(crv), not P-256") }
        if let alg = jwk["alg"], alg.stringValue != "ES256" { throw refuse("\"alg\" is not ES256") }
        guard let d = jwk["d"]?.stringValue else { throw refuse("no \"d\" (a public key cannot sign)") }
        guard let x = jwk["x"]?.stringValue, let y = jwk["y"]?.stringValue else { throw refuse("no \"x\" or \"y\"") }
        let scalar: [UInt8]
        do { scalar = try Base64URL.decode(d) } catch { throw refuse("\"d\" is not base64url: \(error)") }
        guard scalar.count == 32 else { throw refuse("\"d\" is \(scalar.count) bytes, not 32") }
        let privateKey: P256.Signing.PrivateKey
        do { privateKey = try P256.Signing.PrivateKey(rawRepresentation: scalar) } catch {
            throw refuse("\"d\" is not a P-256 scalar")
        }
        let publicRaw = Array(privateKey.publicKey.rawRepresentation)
        guard Base64URL.encode(Array(publicRaw.prefix(32))) == x, Base64URL.encode(Array(publicRaw.suffix(32))) == y
        else { throw refuse("\"x\" and \"y\" are not the public point of \"d\"") }
        let kid = Base64URL.encode(JWKThumbprint.sha256(crv: "P-256", x: x, y: y))
        if let given = jwk["kid"], given.stringValue != kid {
            throw refuse("\"kid\" is not the key's RFC 7638 thumbprint, which is \(kid)")
        }
        return ReportSigningKey(kid: kid, signer: jwk["name"]?.stringValue ?? kid, privateRaw: scalar)
    }

    /// ES256 signature (64-byte r‖s) over `message`.
    func sign(_ message: [UInt8]) -> [UInt8] {
        // rawRepresentation was accepted by parse, so this cannot fail for a parsed key.
        guard let key = try? P256.Signing.PrivateKey(rawRepresentation: privateRaw),
            let signature = try? key.signature(for: message)
        else { return [] }
        return Array(signature.rawRepresentation)
    }

    /// The public half as a JWK's members (`kty`, `crv`, `x`, `y`, `kid`, `alg`, `use`, `name`), as a centre
    /// publishes it in its key set so anyone can check a report's signature.
    public var publicJWK: [String: String] {
        guard let key = try? P256.Signing.PrivateKey(rawRepresentation: privateRaw) else { return [:] }
        let point = Array(key.publicKey.rawRepresentation)
        return [
            "kty": "EC", "crv": "P-256", "alg": "ES256", "use": "sig", "kid": kid, "name": signer,
            "x": Base64URL.encode(Array(point.prefix(32))), "y": Base64URL.encode(Array(point.suffix(32))),
        ]
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.kid == rhs.kid && lhs.signer == rhs.signer }
}
