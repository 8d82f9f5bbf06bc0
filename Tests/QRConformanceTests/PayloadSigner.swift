import Crypto
import Foundation
import QRConformance

/// Signs a payload per the signature profile with a private P-256 JWK: for test vectors and personas only.
///
/// Appends EXT[4] = `KID.SIG` after padding EXT to 4 positions, as `scripts/sign_payload.py` does
/// (that script signs deterministically, RFC 6979; swift-crypto signs with a random nonce).
///
/// ```swift
/// let signer = try PayloadSigner(privateJWK: Array(try Data(contentsOf: keyURL)))
/// let signed = try signer.sign(Array("001093029317|NGUYEN LE KHA HAN|1987-01-18|0|1629|<1".utf8))
/// ```
public struct PayloadSigner: Sendable {
    /// Why a key or payload cannot be used for signing.
    public enum Failure: Error, Sendable, Equatable {
        case invalidKey(String)
        case invalidPayload(String)
    }

    /// The key id written into EXT[4].
    public let kid: String
    private let privateKeyRaw: [UInt8]

    /// Reads a private EC P-256 JWK (`kty`, `crv`, `x`, `y`, `d`); the kid is computed, never trusted from the file.
    public init(privateJWK data: [UInt8]) throws(Failure) {
        let root: JSONValue
        do { root = try StrictJSON.parse(data) } catch { throw .invalidKey("not valid JSON: \(error)") }
        guard let jwk = root.objectValue else { throw .invalidKey("not a JSON object") }
        guard jwk["kty"]?.stringValue == "EC", jwk["crv"]?.stringValue == "P-256" else {
            throw .invalidKey("not an EC P-256 key")
        }
        guard let d = jwk["d"]?.stringValue, let scalar = try? Base64URL.decode(d),
            let key = try? P256.Signing.PrivateKey(rawRepresentation: scalar)
        else { throw .invalidKey("no usable private scalar \"d\"") }
        let point = Array(key.publicKey.rawRepresentation)
        let x = Base64URL.encode(Array(point.prefix(32)))
        let y = Base64URL.encode(Array(point.suffix(32)))
        guard jwk["x"]?.stringValue == x, jwk["y"]?.stringValue == y else {
            throw .invalidKey("\"x\" and \"y\" are not the public key of \"d\"")
        }
        kid = JWKThumbprint.keyID(crv: "P-256", x: x, y: y)
        privateKeyRaw = scalar
    }

    /// The bytes a signature covers: the payload with EXT padded by empty positions to 4.
    public static func signingInput(_ payload: [UInt8]) throws(Failure) -> [UInt8] {
        let parse = PersonalQRPayload.parse(bytes: payload)
        guard let fields = parse.payload else {
            throw .invalidPayload("the payload has \(parse.fields.count) '|'-separated fields, not 6")
        }
        let positions = PersonalQRPayload.ExtPosition.signature.rawValue
        guard fields.extFields.count <= positions else {
            throw .invalidPayload("EXT already has a position 4 (signature) or later")
        }
        return payload + Array(repeating: UInt8(ascii: "<"), count: positions - fields.extFields.count)
    }

    /// The payload with `<KID.SIG` appended.
    public func sign(_ payload: [UInt8]) throws(Failure) -> [UInt8] {
        let input = try Self.signingInput(payload)
        let signature: P256.Signing.ECDSASignature
        do {
            signature = try P256.Signing.PrivateKey(rawRepresentation: privateKeyRaw).signature(for: input)
        } catch {
            throw .invalidKey("swift-crypto could not sign: \(error)")
        }
        let field = kid + "." + Base64URL.encode(Array(signature.rawRepresentation))
        return input + [UInt8(ascii: "<")] + Array(field.utf8)
    }
}
