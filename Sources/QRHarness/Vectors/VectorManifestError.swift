import QRSymbol

/// A manifest that cannot be used: unreadable, not JSON, of an unknown format version, or invalid; names the file.
public struct VectorManifestError: HarnessError, Sendable, Equatable {
    public enum Code: String, Sendable, Equatable {
        case unreadable
        case invalidJSON = "invalid-json"
        case unsupportedFormatVersion = "unsupported-format-version"
        case invalid
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

/// One problem found by validating a manifest, located by vector id (or group) when inside one.
public struct VectorProblem: Sendable, Equatable, CustomStringConvertible {
    public let manifest: String
    /// The vector or group id, nil for the manifest as a whole.
    public let subject: String?
    public let message: String

    public init(manifest: String, subject: String? = nil, message: String) {
        self.manifest = manifest
        self.subject = subject
        self.message = message
    }

    public var description: String { "\(manifest)\(subject.map { " [\($0)]" } ?? ""): \(message)" }
}
