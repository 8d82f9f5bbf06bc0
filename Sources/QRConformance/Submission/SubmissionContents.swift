/// A submission read into memory: the manifest bytes (if present) and every other file, by relative path.
///
/// Built by the harness from a folder or a zip after its safety checks; the pure layers never see the file system.
public struct SubmissionContents: Sendable, Equatable {
    /// Where it came from (the folder or zip path), for messages.
    public let source: String
    public let manifest: [UInt8]?
    /// Files other than the manifest, keyed by `/`-separated relative path.
    public let files: [String: [UInt8]]

    public init(source: String, manifest: [UInt8]?, files: [String: [UInt8]]) {
        self.source = source
        self.manifest = manifest
        self.files = files
    }

    /// The manifest's path as messages name it.
    public var manifestPath: String { source + "/" + SubmissionManifest.fileName }

    /// The manifest decoded, or why it cannot be used.
    public func decodedManifest() -> Result<SubmissionManifest, SubmissionError> {
        guard let manifest else {
            return .failure(
                SubmissionError.submission(
                    code: .missingManifest, path: source,
                    cause: "no \(SubmissionManifest.fileName) at the root of the submission"))
        }
        do {
            return .success(try SubmissionManifest.decode(manifest, path: manifestPath))
        } catch {
            return .failure(error)
        }
    }
}
