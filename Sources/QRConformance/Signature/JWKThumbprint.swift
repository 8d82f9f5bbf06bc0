import Crypto

/// RFC 7638 JWK SHA-256 thumbprints of EC keys, and the profile's key id taken from them.
public enum JWKThumbprint {
    /// SHA-256 of the canonical JSON `{"crv":…,"kty":"EC","x":…,"y":…}` (members sorted, no whitespace).
    public static func sha256(crv: String, x: String, y: String) -> [UInt8] {
        let canonical = #"{"crv":"\#(crv)","kty":"EC","x":"\#(x)","y":"\#(y)"}"#
        return Array(SHA256.hash(data: Array(canonical.utf8)))
    }

    /// The profile's key id: base64url of the first 8 bytes of the thumbprint.
    public static func keyID(crv: String, x: String, y: String) -> String {
        Base64URL.encode(Array(sha256(crv: crv, x: x, y: y).prefix(SignatureProfile.keyIDByteCount)))
    }
}
