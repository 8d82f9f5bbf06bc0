import QRSymbol

/// A trust list the harness cannot use; thrown, never a finding. Carries the file path and, when known, the key id.
public struct TrustListError: HarnessError, Sendable, Equatable {
    /// What went wrong, as a stable code.
    public enum Code: String, Sendable, Equatable {
        case unreadable
        case malformedJSON = "malformed-json"
        case missingField = "missing-field"
        case invalidField = "invalid-field"
        /// A key type, curve or algorithm other than EC P-256 ES256.
        case unsupportedKey = "unsupported-key"
        /// A `kid` that is not the key's RFC 7638 thumbprint prefix.
        case kidMismatch = "kid-mismatch"
        case duplicateKID = "duplicate-kid"
    }

    public let code: Code
    /// The trust list file as given on the command line.
    public let path: String
    /// The key the problem is in, when it has a readable `kid`.
    public let kid: String?
    public let cause: String
    public var errorCode: String { code.rawValue }
    public var file: String { path }

    public init(code: Code, path: String, kid: String? = nil, cause: String) {
        self.code = code
        self.path = path
        self.kid = kid
        self.cause = cause
    }

    /// `path (key kid): cause`, e.g. `keys.json (key abc): curve P-384 is not supported; …`.
    public var description: String {
        let key = kid.map { " (key \($0))" } ?? ""
        return "trust list \(path)\(key): \(cause)"
    }
}
