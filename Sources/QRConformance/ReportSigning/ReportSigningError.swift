import QRErrors

/// A signing key, centre key list or signature the harness cannot use; thrown, exit 2. Names the file.
public typealias ReportSigningError = QRError

extension QRError.Domain {
    /// Report signing: keys, key lists and detached signatures.
    public static let reportSigning = Self("report-signing")
}

extension QRError.Code {
    /// Not an EC P-256 private JWK (no `d`, another key type or curve, bad coordinates).
    public static let notP256PrivateKey = Self("not-p256-private-key")
    /// A centre key list (JWKS) with a key the profile cannot use.
    public static let invalidKeyList = Self("invalid-key-list")
    /// A `.jws` file that is not a detached compact JWS of this profile.
    public static let malformedSignature = Self("malformed-signature")
}

extension QRError {
    /// A report-signing error: `k.jwk: cause`.
    public static func reportSigning(code: Code, path: String, cause: String) -> Self {
        Self(.reportSigning, code: code, file: path, cause: cause)
    }
}
