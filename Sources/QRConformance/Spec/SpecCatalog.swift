import Foundation

/// The specs built into the binary, and the one place that turns `--spec ID|PATH` into a `LoadedSpec`.
///
/// ```swift
/// let loaded = try SpecCatalog.load(idOrPath: "vn-personal-qr")   // the released 1405 spec (the default)
/// ```
public enum SpecCatalog {
    /// A spec embedded in the binary from `spec/<id>/<version>/rules.json`.
    public struct Entry: Sendable, Equatable {
        public let id: String
        public let version: String
        /// The exact bytes of the file as text.
        public let json: String
        /// `id@version`.
        public var key: String { "\(id)@\(version)" }
    }

    /// The spec used when none is named: the newest released version, pinned so a bundled draft (1.2) is only
    /// ever used when asked for by name.
    public static let defaultID = "vn-personal-qr@1.1"

    /// Every embedded spec, sorted by id then version (oldest first).
    public static var bundled: [Entry] {
        BundledSpecs.files.compactMap { key, json -> Entry? in
            guard let at = key.lastIndex(of: "@") else { return nil }
            return Entry(id: String(key[..<at]), version: String(key[key.index(after: at)...]), json: json)
        }.sorted { lhs, rhs in
            lhs.id != rhs.id
                ? lhs.id < rhs.id : versionKey(lhs.version).lexicographicallyPrecedes(versionKey(rhs.version))
        }
    }

    /// Loads a bundled spec by `id@version` or `id`, else reads the file at that path. A bare id names the default
    /// version when the default has that id (a bundled draft is never picked by accident), else the newest.
    public static func load(idOrPath: String) throws(SpecError) -> LoadedSpec {
        let entries = bundled
        let bare = defaultID.hasPrefix(idOrPath + "@") ? defaultID : nil
        if let entry = entries.first(where: { $0.key == idOrPath || $0.key == bare })
            ?? entries.last(where: { $0.id == idOrPath })
        {
            return try SpecLoader.load(data: Data(entry.json.utf8), origin: "bundled:\(entry.key)")
        }
        let looksLikePath = idOrPath.contains("/") || idOrPath.hasSuffix(".json")
        guard looksLikePath || FileManager.default.fileExists(atPath: idOrPath) else {
            let known = entries.map(\.key).joined(separator: ", ")
            throw SpecError(
                code: .unknownSpec, path: idOrPath,
                cause: "no bundled spec has this id and no such file exists; bundled specs: \(known)")
        }
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path: idOrPath)
        } catch {
            throw SpecError(code: .unreadable, path: idOrPath, cause: "cannot read the file: \(error)")
        }
        return try SpecLoader.load(data: Data(bytes), origin: idOrPath)
    }

    /// Numeric components of a version string, so 1.10 sorts after 1.9.
    private static func versionKey(_ version: String) -> [Int] {
        version.split(separator: ".").map { Int($0) ?? 0 }
    }
}
