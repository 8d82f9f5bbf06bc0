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
