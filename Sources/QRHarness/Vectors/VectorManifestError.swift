import QRErrors

/// A manifest that cannot be used: unreadable, not JSON, of an unknown format version, or invalid; names the file.
public typealias VectorManifestError = QRError

extension QRError.Domain {
    /// Test-vector manifests.
    public static let vectorManifest = Self("vector-manifest")
}

extension QRError {
    /// A manifest error: `manifest.json: cause`.
    public static func vectorManifest(code: Code, path: String, cause: String) -> Self {
        Self(.vectorManifest, code: code, file: path, cause: cause)
    }
}
