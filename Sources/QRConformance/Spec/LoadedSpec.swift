/// A spec ready for the engine, with the digest of the exact bytes it came from (for the report).
public struct LoadedSpec: Sendable, Equatable {
    public let spec: Spec
    /// Lowercase hex SHA-256 of the spec file's bytes.
    public let sha256: String
    /// The file path, or `bundled:id@version` for an embedded spec.
    public let origin: String

    public init(spec: Spec, sha256: String, origin: String) {
        self.spec = spec
        self.sha256 = sha256
        self.origin = origin
    }
}
