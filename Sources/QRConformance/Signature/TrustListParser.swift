import Crypto
import Foundation

/// Reads a decoded JWKS into a `TrustList`, holding every key to the signature profile.
struct TrustListParser {
    let path: String

    func parse(_ root: JSONValue) throws(TrustListError) -> TrustList {
        guard let members = root.objectValue else {
            throw error(.invalidField, "the top level is a JSON \(root.typeName), not an object with \"keys\"")
        }
        guard let keysValue = members["keys"] else { throw error(.missingField, "no \"keys\" array") }
        guard case .array(let entries) = keysValue else {
            throw error(.invalidField, "\"keys\" is a JSON \(keysValue.typeName), not an array")
        }
        var keys: [TrustedKey] = []
        for (index, entry) in entries.enumerated() {
            let key = try parseKey(entry, index: index)
            if keys.contains(where: { $0.kid == key.kid }) {
                throw error(.duplicateKID, "kid \(key.kid) appears more than once in \"keys\"", kid: key.kid)
            }
            keys.append(key)
        }
        return TrustList(path: path, keys: keys, revoked: try parseRevoked(members["revoked"]))
    }

    private func parseRevoked(_ value: JSONValue?) throws(TrustListError) -> [String] {
        guard let value else { return [] }
        guard case .array(let items) = value else {
            throw error(.invalidField, "\"revoked\" is a JSON \(value.typeName), not an array of kids")
        }
        let kids = items.compactMap(\.stringValue)
        guard kids.count == items.count else {
            throw error(.invalidField, "\"revoked\" holds a value that is not a kid string")
        }
        return kids
    }

    private func parseKey(_ entry: JSONValue, index: Int) throws(TrustListError) -> TrustedKey {
        guard let jwk = entry.objectValue else {
            throw error(.invalidField, "keys[\(index)] is a JSON \(entry.typeName), not a JWK object")
        }
        guard let kidValue = jwk["kid"] else { throw error(.missingField, "keys[\(index)] has no \"kid\"") }
        guard let kid = kidValue.stringValue else {
            throw error(.invalidField, "keys[\(index)] has a \"kid\" that is not a string")
        }
        let field = FieldReader(jwk: jwk, kid: kid, parser: self)
        let kty = try field.string("kty")
        guard kty == "EC" else {
            throw error(
                .unsupportedKey, "key type \(kty) is not supported; the profile accepts EC P-256 (ES256) keys only",
                kid: kid)
        }
        let crv = try field.string("crv")
        guard crv == "P-256" else {
            throw error(
                .unsupportedKey, "curve \(crv) is not supported; the profile accepts EC P-256 (ES256) keys only",
                kid: kid)
        }
        let alg = try field.string("alg")
        guard let algorithm = SignatureAlgorithm(rawValue: alg) else {
            throw error(.unsupportedKey, "algorithm \(alg) is not supported; the profile uses ES256", kid: kid)
        }
        let use = try field.string("use")
        guard use == "sig" else { throw error(.invalidField, "\"use\" is \(use), not sig", kid: kid) }
        guard jwk["d"] == nil else {
            throw error(
                .invalidField, "the JWK holds a private key (\"d\"); a trust list holds public keys only", kid: kid)
        }
        let x = try field.string("x")
        let y = try field.string("y")
        let publicKey = try makePublicKey(x: try field.coordinate("x", x), y: try field.coordinate("y", y), kid: kid)
        let expected = JWKThumbprint.keyID(crv: crv, x: x, y: y)
        guard kid == expected else {
            throw error(
                .kidMismatch, "kid does not match the key's RFC 7638 thumbprint, which gives kid \(expected)", kid: kid)
        }
        let notBefore = try field.date("nbf")
        let expires = try field.date("exp")
        if let notBefore, let expires, notBefore >= expires {
            throw error(.invalidField, "\"nbf\" is not before \"exp\": the key is never valid", kid: kid)
        }
        return TrustedKey(kid: kid, algorithm: algorithm, publicKey: publicKey, notBefore: notBefore, expires: expires)
    }

    private func makePublicKey(x: [UInt8], y: [UInt8], kid: String) throws(TrustListError) -> P256.Signing.PublicKey {
        do {
            return try P256.Signing.PublicKey(x963Representation: [0x04] + x + y)
        } catch {
            throw self.error(.invalidField, "\"x\" and \"y\" are not a point on P-256", kid: kid)
        }
    }

    func error(_ code: TrustListError.Code, _ cause: String, kid: String? = nil) -> TrustListError {
        TrustListError.trustList(code: code, path: path, kid: kid, cause: cause)
    }
}

/// Typed access to the members of one JWK, with errors naming the key.
private struct FieldReader {
    let jwk: [String: JSONValue]
    let kid: String
    let parser: TrustListParser

    func string(_ name: String) throws(TrustListError) -> String {
        guard let value = jwk[name] else { throw parser.error(.missingField, "no \"\(name)\"", kid: kid) }
        guard let text = value.stringValue else {
            throw parser.error(.invalidField, "\"\(name)\" is a JSON \(value.typeName), not a string", kid: kid)
        }
        return text
    }

    /// A 32-byte P-256 coordinate in strict base64url.
    func coordinate(_ name: String, _ text: String) throws(TrustListError) -> [UInt8] {
        let bytes: [UInt8]
        do { bytes = try Base64URL.decode(text) } catch {
            throw parser.error(.invalidField, "\"\(name)\" is not base64url without padding: \(error)", kid: kid)
        }
        guard bytes.count == 32 else {
            throw parser.error(.invalidField, "\"\(name)\" is \(bytes.count) bytes; a P-256 coordinate is 32", kid: kid)
        }
        return bytes
    }

    /// An optional NumericDate (seconds since 1970-01-01T00:00:00Z).
    func date(_ name: String) throws(TrustListError) -> Date? {
        switch jwk[name] {
        case nil: return nil
        case .integer(let seconds)?: return Date(timeIntervalSince1970: TimeInterval(seconds))
        case .number(let seconds)? where seconds.isFinite: return Date(timeIntervalSince1970: seconds)
        case let value?:
            throw parser.error(.invalidField, "\"\(name)\" is a JSON \(value.typeName), not a NumericDate", kid: kid)
        }
    }
}
