import Crypto
import Foundation

/// The signature algorithms a trust list key may name; the algorithm comes from the key, never from the code.
public enum SignatureAlgorithm: String, Sendable, Equatable {
    /// ECDSA P-256 with SHA-256, signature as the 64-byte r‖s.
    case es256 = "ES256"
}

/// One public key of a trust list, with its validity window.
public struct TrustedKey: Sendable, Equatable {
    public let kid: String
    public let algorithm: SignatureAlgorithm
    /// The public point as x‖y (64 bytes), checked to be on P-256 when the list was parsed.
    ///
    /// Kept as bytes because swift-crypto's key type is not `Sendable` on every platform.
    public let publicKeyRaw: [UInt8]
    /// JWK `nbf`: the key is valid from this instant on; nil means no start.
    public let notBefore: Date?
    /// JWK `exp`: the key is valid before this instant only; nil means no end.
    public let expires: Date?

    public init(
        kid: String, algorithm: SignatureAlgorithm, publicKey: P256.Signing.PublicKey, notBefore: Date?,
        expires: Date?
    ) {
        self.kid = kid
        self.algorithm = algorithm
        self.publicKeyRaw = Array(publicKey.rawRepresentation)
        self.notBefore = notBefore
        self.expires = expires
    }

    /// The swift-crypto public key; nil only if `publicKeyRaw` were not a P-256 point, which parsing rules out.
    public var publicKey: P256.Signing.PublicKey? {
        try? P256.Signing.PublicKey(rawRepresentation: publicKeyRaw)
    }

    /// Whether the key is inside its window at `time`: nbf ≤ time < exp.
    public func isValid(at time: Date) -> Bool {
        if let notBefore, time < notBefore { return false }
        if let expires, time >= expires { return false }
        return true
    }

    /// Whether `signature` is this key's signature over `message`, under the key's algorithm.
    ///
    /// A signature that is not a valid value for the algorithm (wrong length, r or s out of range) does not verify.
    public func verifies(signature: [UInt8], over message: [UInt8]) -> Bool {
        switch algorithm {
        case .es256:
            guard let publicKey, let value = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else {
                return false
            }
            return publicKey.isValidSignature(value, for: message)
        }
    }

    /// The window as text, e.g. `2025-01-01T00:00:00Z ≤ t < 2027-01-01T00:00:00Z`, `any time` when open.
    public var windowDescription: String {
        switch (notBefore, expires) {
        case (nil, nil): "any time"
        case (let start?, nil): "\(CheckReport.timestamp(start)) ≤ t"
        case (nil, let end?): "t < \(CheckReport.timestamp(end))"
        case (let start?, let end?): "\(CheckReport.timestamp(start)) ≤ t < \(CheckReport.timestamp(end))"
        }
    }
}
