import QRSymbol

/// A signing key, centre key list or signature the harness cannot use; thrown, exit 2. Names the file.
public struct ReportSigningError: HarnessError, Sendable, Equatable {
    public enum Code: String, Sendable, Equatable {
        case unreadable
        case malformedJSON = "malformed-json"
        /// Not an EC P-256 private JWK (no `d`, another key type or curve, bad coordinates).
        case notP256PrivateKey = "not-p256-private-key"
        /// A centre key list (JWKS) with a key the profile cannot use.
        case invalidKeyList = "invalid-key-list"
        /// A `.jws` file that is not a detached compact JWS of this profile.
        case malformedSignature = "malformed-signature"
    }

    public let code: Code
    public let path: String
    public let cause: String
    public var errorCode: String { code.rawValue }
    public var file: String { path }

    public init(code: Code, path: String, cause: String) {
        self.code = code
        self.path = path
        self.cause = cause
    }

    public var description: String { "\(path): \(cause)" }
}
