import ArgumentParser
import QRHarness
import Foundation
import QRConformance

/// `qrconform spec list|show|lint|diff`: the bundled specs, a linter for spec files, and the diff of two specs.
struct SpecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spec", abstract: "List, show and lint rule catalogues.",
        subcommands: [List.self, Show.self, Lint.self, SpecDiffCommand.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the specs bundled in this binary.")
        func run() throws {
            for entry in SpecCatalog.bundled { try Output.print(entry.key) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a bundled spec (id or id@version) or a spec file.")
        @Argument(help: "Spec id, id@version or path.") var spec: String
        func run() throws {
            var options = SpecOptions()
            options.idOrPath = spec
            for line in SpecSummary.lines(try options.load()) { try Output.print(line) }
        }
    }

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check spec files: schema, unique ids, parameter types, rules implemented both ways.")
        @Argument(help: "Spec files (rules.json).") var paths: [String]
        func run() throws {
            var failed = false
            for result in SpecLintRun.run(paths) {
                failed = failed || !result.passed
                if let unreadable = result.unreadable {
                    Diagnostics.warn(unreadable)
                    continue
                }
                for line in result.lines { try Output.print(line) }
            }
            if failed { throw ExitCode(1) }
        }
    }
}
