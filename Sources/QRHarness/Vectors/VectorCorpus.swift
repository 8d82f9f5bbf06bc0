import QRConformance
import Foundation

/// The vector corpus: every `<corpus>/<area>/manifest.json`, loaded and located.
///
/// ```swift
/// let corpus = try VectorCorpus.load(directory: "TestVectors/conformance")
/// ```
public struct VectorCorpus: Sendable, Equatable {
    /// One loaded manifest with the file it came from.
    public struct Area: Sendable, Equatable {
        public let manifest: VectorManifest
        /// The manifest file's path.
        public let path: String
        /// The folder its relative paths are resolved against.
        public let directory: String

        public init(manifest: VectorManifest, path: String) {
            self.manifest = manifest
            self.path = path
            directory = (path as NSString).deletingLastPathComponent
        }

        /// A path in the manifest, resolved against its folder.
        public func resolve(_ relative: String) -> String {
            relative.hasPrefix("/") ? relative : (directory as NSString).appendingPathComponent(relative)
        }
    }

    public let directory: String
    public let areas: [Area]

    public init(directory: String, areas: [Area]) {
        self.directory = directory
        self.areas = areas
    }

    /// Loads every area folder's manifest, in folder-name order; folders without a manifest are not areas.
    public static func load(directory: String) throws(VectorManifestError) -> VectorCorpus {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw VectorManifestError.vectorManifest(
                code: .unreadable, path: directory, cause: "cannot list the corpus folder")
        }
        var areas: [Area] = []
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name + "/manifest.json")
            guard FileManager.default.fileExists(atPath: path) else { continue }
            areas.append(Area(manifest: try VectorManifest.load(path: path), path: path))
        }
        guard !areas.isEmpty else {
            throw VectorManifestError.vectorManifest(
                code: .unreadable, path: directory, cause: "no <area>/manifest.json in the folder")
        }
        return VectorCorpus(directory: directory, areas: areas)
    }

    /// The corpus restricted to the named areas (all when `names` is empty).
    public func only(areas names: [String]) -> VectorCorpus {
        names.isEmpty
            ? self
            : VectorCorpus(directory: directory, areas: areas.filter { names.contains($0.manifest.area) })
    }
}

extension VectorCorpus {
    /// The named specs (ids, id@version or paths), else every bundled one.
    public static func specs(named names: [String]) throws(SpecError) -> [LoadedSpec] {
        let names = names.isEmpty ? SpecCatalog.bundled.map(\.key) : names
        return try names.map { name throws(SpecError) in try SpecFile.load(idOrPath: name) }
    }

    /// The corpus and every problem its manifests have against the bundled specs and `specs`.
    public static func loadValidated(directory: String, specs: [LoadedSpec]) throws -> (
        corpus: VectorCorpus, problems: [VectorProblem]
    ) {
        let corpus = try load(directory: directory)
        let known = SpecCatalog.bundled.compactMap { try? SpecCatalog.load(named: $0.key).spec }
        return (corpus, VectorValidator.validate(corpus, specs: specs.map(\.spec) + known))
    }
}
