import ArgumentParser
import Foundation
import QRConformance
import QRHarness

/// `qrconform spec diff OLD NEW`: the rules added, removed and changed, and the vectors whose outcome changes.
struct SpecDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changes between two specs: rules and vector outcomes.",
        discussion:
            "OLD and NEW are spec ids, id@version or rules.json paths. Exit status: 0, or 2 for a bad spec."
    )

    @Argument(help: "The old spec.") var old: String
    @Argument(help: "The new spec.") var new: String
    @Option(help: "Output format: text or json.") var format: String = "text"
    @Option(help: "The vector corpus whose outcomes are compared; \"\" for the rules only.")
    var corpus: String = "TestVectors/conformance"

    func validate() throws {
        guard ["text", "json"].contains(format) else {
            throw ValidationError("unknown format '\(format)'; supported: text, json")
        }
    }

    func run() throws {
        let before = try SpecFile.load(idOrPath: old)
        let after = try SpecFile.load(idOrPath: new)
        let diff = SpecDiff(old: before.spec, new: after.spec)
        var changes: [VectorOutcomeChange] = []
        if !corpus.isEmpty {
            let runner = try VectorRunner(corpus: try VectorCorpus.load(directory: corpus))
            changes = VectorOutcomeChange.between(old: before, new: after, runner: runner)
        }
        if format == "json" {
            let document = SpecDiffDocument.json(old: before, new: after, diff: diff, vectors: changes)
            try Output.write(Array(document) + [0x0A], to: nil)
        } else {
            try Output.print(
                SpecDiffDocument.text(old: before, new: after, diff: diff, vectors: changes, corpus: corpus)
            )
        }
    }

}
