import QRErrors

/// A trust list the harness cannot use; thrown, never a finding. Names the file and, when known, the key id.
public typealias TrustListError = QRError

extension QRError.Domain {
    /// Trust lists: described as `trust list PATH (key kid): cause`.
    public static let trustList = Self("trust-list", fileLabel: "trust list ")
}

extension QRError.Code {
    public static let missingField = Self("missing-field")
    public static let invalidField = Self("invalid-field")
    /// A key type, curve or algorithm other than EC P-256 ES256.
    public static let unsupportedKey = Self("unsupported-key")
    /// A `kid` that is not the key's RFC 7638 thumbprint prefix.
    public static let kidMismatch = Self("kid-mismatch")
    public static let duplicateKID = Self("duplicate-kid")
}

extension QRError {
    /// A trust-list error, in the key `kid` when it has a readable one.
    public static func trustList(code: Code, path: String, kid: String? = nil, cause: String) -> Self {
        Self(.trustList, code: code, file: path, location: kid.map(Location.key), cause: cause)
    }
}
