import ArgumentParser
import QRConformance
import QRHarness

/// `--spec ID|PATH`: a bundled spec by id (its released version) or id@version, or a spec file.
struct SpecOptions: ParsableArguments {
    @Option(
        name: .customLong("spec"),
        help:
            "Spec id, id@version, or path to a rules.json (default: vn-personal-qr@1.1, the newest released)."
    )
    var idOrPath: String = SpecCatalog.defaultID

    /// Loads the spec; a bad spec is a harness error (exit 2) with the file and the cause.
    func load() throws -> LoadedSpec {
        try SpecFile.load(idOrPath: idOrPath)
    }

    /// Loads the spec and says where it came from, for the worker configuration.
    func loadWithSource() throws -> (spec: LoadedSpec, source: SpecSource) {
        try SpecFile.loadWithSource(idOrPath: idOrPath)
    }
}
