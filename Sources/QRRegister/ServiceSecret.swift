import Foundation
import QRConformance

/// The random strings of the service (token secrets, session cookies, CSRF tokens, job ids) and the digest the
/// register keeps of a secret instead of the secret.
public enum ServiceSecret {
    /// `count` bytes from the system's secure generator, as base64url without padding (URL- and cookie-safe).
    public static func random(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// A token secret: `qrc_` and 32 random bytes.
    static func tokenSecret() -> String { "qrc_" + random(bytes: 32) }

    /// What the register stores of a secret: its SHA-256, lowercase hex.
    static func digest(_ secret: String) -> String { Hashing.sha256Hex(Array(secret.utf8)) }
}
