import Foundation

/// The specs built into the binary, by name; reading a spec file is the harness's (`SpecFile`).
///
/// ```swift
/// let loaded = try SpecCatalog.bundled(named: "vn-personal-qr")   // the released 1405 spec (the default)
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

    /// The bundled spec a name gives: `id@version`, or a bare `id` for the default version when the default has
    /// that id (a bundled draft is never picked by accident), else the newest; nil when none has that name.
    public static func bundled(named name: String) throws(SpecError) -> LoadedSpec? {
        let entries = bundled
        let bare = defaultID.hasPrefix(name + "@") ? defaultID : nil
        guard
            let entry = entries.first(where: { $0.key == name || $0.key == bare })
                ?? entries.last(where: { $0.id == name })
        else { return nil }
        return try SpecLoader.load(data: Data(entry.json.utf8), origin: "bundled:\(entry.key)")
    }

    /// The bundled spec a name gives, or `unknownSpec`.
    public static func load(named name: String) throws(SpecError) -> LoadedSpec {
        guard let loaded = try bundled(named: name) else { throw unknown(name) }
        return loaded
    }

    /// The error for a name that is neither a bundled spec nor a file.
    public static func unknown(_ name: String) -> SpecError {
        SpecError.spec(
            code: .unknownSpec, path: name,
            cause: "no bundled spec has this id and no such file exists; bundled specs: "
                + bundled.map(\.key).joined(separator: ", "))
    }

    /// Numeric components of a version string, so 1.10 sorts after 1.9.
    private static func versionKey(_ version: String) -> [Int] {
        version.split(separator: ".").map { Int($0) ?? 0 }
    }
}
