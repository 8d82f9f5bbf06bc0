import Foundation
import QRConformance

extension VectorManifest {
    /// Reads a manifest, checking `format_version` before the body so an unknown version names the highest supported.
    public static func load(path: String) throws(VectorManifestError) -> VectorManifest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VectorManifestError.vectorManifest(code: .unreadable, path: path, cause: "cannot read the file")
        }
        return try decode(data: data, path: path)
    }

    /// Decodes manifest bytes; `path` names the manifest in errors.
    public static func decode(data: Data, path: String) throws(VectorManifestError) -> VectorManifest {
        let document: StrictJSONDocument
        do {
            document = try StrictJSONDecoder().document(from: [UInt8](data), file: path)
        } catch {
            throw VectorManifestError.vectorManifest(
                code: .invalidJSON, path: path, cause: "not valid JSON: \(error.cause)")
        }
        let root = document.value
        let highest = supportedFormatVersions.upperBound
        guard case .integer(let version)? = root.objectValue?["format_version"] else {
            throw VectorManifestError.vectorManifest(
                code: .unsupportedFormatVersion, path: path,
                cause: "format_version is missing or not an integer; the highest supported is \(highest)")
        }
        guard supportedFormatVersions.contains(version) else {
            throw VectorManifestError.vectorManifest(
                code: .unsupportedFormatVersion, path: path,
                cause: "format_version \(version) is not supported; the highest supported is \(highest)")
        }
        if let unknown = unknownKey(root) {
            throw VectorManifestError.vectorManifest(
                code: .invalid, path: path, cause: "unknown key \"\(unknown.key)\" at \(unknown.at)")
        }
        do {
            return try document.decode(VectorManifest.self)
        } catch {
            throw VectorManifestError.vectorManifest(code: .invalid, path: path, cause: error.cause)
        }
    }

    static let manifestKeys: Set<String> = [
        "format_version", "area", "spec", "spec_versions", "description", "generator",
        "validation_time", "notes", "groups",
    ]
    static let groupKeys: Set<String> = [
        "id", "description", "rules", "clause", "trust_list", "validation_time", "test_plan", "vectors",
    ]
    static let vectorKeys: Set<String> = [
        "id", "description", "flags", "provenance", "payload", "payload_base64", "file", "submission",
        "validation_time", "ppi", "display_mode",
        "expected", "expected_verdict", "unsure_allowed",
    ]

    /// The first key the format does not know (a misspelling would otherwise be silently ignored).
    private static func unknownKey(_ root: JSONValue) -> (key: String, at: String)? {
        func first(_ object: [String: JSONValue]?, _ allowed: Set<String>, _ at: String) -> (
            String, String
        )? {
            guard let object else { return nil }
            return object.keys.sorted().first { !allowed.contains($0) }.map { ($0, at) }
        }
        if let found = first(root.objectValue, manifestKeys, "/") { return found }
        guard case .array(let groups)? = root.objectValue?["groups"] else { return nil }
        for (g, group) in groups.enumerated() {
            if let found = first(group.objectValue, groupKeys, "/groups/\(g)") { return found }
            guard case .array(let vectors)? = group.objectValue?["vectors"] else { continue }
            for (v, vector) in vectors.enumerated() {
                if let found = first(vector.objectValue, vectorKeys, "/groups/\(g)/vectors/\(v)") {
                    return found
                }
            }
        }
        return nil
    }
}
