import Foundation
import QRConformance
import QRHarness
import QRTestSupport

/// Paths and specs the vector tests share.
enum VectorTestSupport {
    static let root = Repository.root
    static let corpus = root.appendingPathComponent("TestVectors/conformance").path

    static func bundledSpecs() throws -> [Spec] {
        try bundledLoadedSpecs().map(\.spec)
    }

    static func bundledLoadedSpecs() throws -> [LoadedSpec] {
        try SpecCatalog.bundled.map { try SpecFile.load(idOrPath: $0.key) }
    }

    /// A spec made in the test, never written to a file: its digest says so (no file's bytes to hash).
    static func unsaved(_ spec: Spec) -> LoadedSpec {
        LoadedSpec(
            spec: spec, sha256: Hashing.sha256Hex(Array("\(spec.id)@\(spec.version) (test)".utf8)), origin: "test")
    }

    /// The spec with one parameter of one rule replaced: a threshold changed without touching any expectation.
    static func spec(_ spec: Spec, rule id: String, parameter: String, value: ParameterValue) -> Spec {
        let rules = spec.rules.map { rule -> SpecRule in
            guard rule.id == id, let old = rule.parameters[parameter] else { return rule }
            var parameters = rule.parameters
            parameters[parameter] = SpecParameter(
                type: old.type, value: value, allowed: old.allowed, unit: old.unit, description: old.description)
            return SpecRule(
                id: rule.id, area: rule.area, severity: rule.severity, title: rule.title, source: rule.source,
                parameters: parameters)
        }
        return Spec(
            formatVersion: spec.formatVersion, id: spec.id, version: spec.version, title: spec.title, rules: rules)
    }

    /// A temporary corpus with one area whose manifest is `manifest`, plus the files named.
    static func corpus(manifest: String, files: [String: [UInt8]] = [:]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vectors-\(UUID().uuidString)")
        let area = directory.appendingPathComponent("payload")
        try FileManager.default.createDirectory(at: area, withIntermediateDirectories: true)
        try Data(manifest.utf8).write(to: area.appendingPathComponent("manifest.json"))
        for (name, bytes) in files { try Data(bytes).write(to: area.appendingPathComponent(name)) }
        return directory.path
    }
}
