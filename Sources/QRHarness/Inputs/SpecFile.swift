import Foundation
import QRConformance
import QRSymbol

/// The one place that turns `--spec ID|PATH` into a `LoadedSpec`: a bundled spec by name, else the file at the path.
public enum SpecFile {
    public static func load(idOrPath: String) throws(SpecError) -> LoadedSpec {
        try loadWithSource(idOrPath: idOrPath).spec
    }

    /// The spec and where it came from, so a worker process can load the same bytes without reading the file again.
    public static func loadWithSource(idOrPath: String) throws(SpecError) -> (spec: LoadedSpec, source: SpecSource) {
        if let bundled = try SpecCatalog.bundled(named: idOrPath) {
            return (bundled, .bundled(key: String(bundled.origin.dropFirst(SpecSource.bundledPrefix.count))))
        }
        let looksLikePath = idOrPath.contains("/") || idOrPath.hasSuffix(".json")
        guard looksLikePath || FileManager.default.fileExists(atPath: idOrPath) else {
            throw SpecCatalog.unknown(idOrPath)
        }
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path: idOrPath)
        } catch {
            throw SpecError.spec(code: .unreadable, path: idOrPath, cause: "cannot read the file: \(error)")
        }
        let source = SpecSource.file(path: idOrPath, bytes: Data(bytes))
        return (try source.load(), source)
    }
}

/// Where a spec came from: one built into the binary (by `id@version`), or a file's path and the exact bytes read.
public enum SpecSource: Codable, Sendable, Equatable {
    case bundled(key: String)
    case file(path: String, bytes: Data)

    /// What `LoadedSpec.origin` starts with for a bundled spec.
    static let bundledPrefix = "bundled:"

    /// The spec these bytes (or this bundled key) give; never reads a file.
    public func load() throws(SpecError) -> LoadedSpec {
        switch self {
        case .bundled(let key): try SpecCatalog.load(named: key)
        case .file(let path, let bytes): try SpecLoader.load(data: bytes, origin: path)
        }
    }
}
