import ArgumentParser
import Foundation
import QRConformance
import QRHarness

/// `qrconform vectors verify|coverage|validate`: run the conformance vector corpus against the specs.
struct VectorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vectors",
        abstract: "Verify, validate and measure the coverage of the conformance vectors.",
        subcommands: [Verify.self, Coverage.self, Validate.self, Results.self])

    /// Options every vectors subcommand shares.
    struct CorpusOptions: ParsableArguments {
        @Option(help: "The corpus folder (one <area>/manifest.json per area).")
        var corpus: String = "TestVectors/conformance"
        @Option(
            name: .customLong("spec"),
            help: "Spec id, id@version or rules.json path; repeatable (default: every bundled spec).")
        var specs: [String] = []

        /// The specs to run: the named ones, else every bundled one.
        func loadSpecs() throws -> [LoadedSpec] { try VectorCorpus.specs(named: specs) }

        /// The corpus, validated against the bundled specs and the ones given; exit 2 naming every problem.
        func loadCorpus(specs: [LoadedSpec]) throws -> VectorCorpus {
            let (corpus, problems) = try VectorCorpus.loadValidated(directory: self.corpus, specs: specs)
            for problem in problems { Diagnostics.warn(problem.description) }
            if !problems.isEmpty { throw ExitCode(2) }
            return corpus
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every vector and compare each asserted outcome; exit 1 on any mismatch.",
            discussion:
                "Exit status: 0 every assertion holds, 1 a mismatch (or a spec version without expectations), "
                + "2 an invalid corpus or spec.")
        @OptionGroup var options: CorpusOptions
        @Option(help: "Only these areas (payload, signature, symbol, ...); repeatable.") var area: [String] = []
        @Flag(help: "Print every assertion, not only the mismatches.") var all = false

        func run() throws {
            let specs = try options.loadSpecs()
            let corpus = try options.loadCorpus(specs: specs).only(areas: area)
            let runner = try VectorRunner(corpus: corpus)
            var failed = false
            for loaded in specs {
                let verification = runner.verify(spec: loaded)
                try Output.print(VectorsReport.verification(verification, origin: loaded.origin, all: all))
                failed = failed || !verification.passed
            }
            if failed { throw ExitCode(1) }
        }
    }

    struct Coverage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Check that every rule of every spec has a vector that passes it and one that fails it.")
        @OptionGroup var options: CorpusOptions

        func run() throws {
            let specs = try options.loadSpecs()
            let corpus = try options.loadCorpus(specs: specs)
            var failed = false
            for loaded in specs {
                let coverage = VectorCoverage.of(corpus, spec: loaded.spec)
                try Output.print(VectorsReport.coverage(coverage))
                failed = failed || !coverage.gaps.isEmpty
            }
            if failed { throw ExitCode(1) }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Validate every manifest: rule ids, outcome values, flags, files, trust lists and times.")
        @OptionGroup var options: CorpusOptions

        func run() throws {
            let corpus = try options.loadCorpus(specs: try options.loadSpecs())
            for area in corpus.areas {
                try Output.print("\(area.path): ok (\(area.manifest.vectors.count) vectors)")
            }
        }
    }
}

extension VectorsCommand {
    /// Hidden: every rule's outcome and the verdict of every vector as JSON, for scripts/bench-display.
    struct Results: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Internal: each vector's rule outcomes, verdict and OCR time as JSON (for scripts/bench-display).",
            shouldDisplay: false)
        @OptionGroup var options: CorpusOptions
        @Option(help: "Only these areas; repeatable.") var area: [String] = []
        @Option(help: "How screen text is read: suite (as check does) or plain (one PSM 11 pass, the baseline).")
        var ocr: String = "suite"

        func run() throws {
            guard let method = ScreenReader.Method(rawValue: ocr) else {
                throw ValidationError("--ocr must be suite or plain")
            }
            let specs = try options.loadSpecs()
            let corpus = try options.loadCorpus(specs: specs).only(areas: area)
            let runner = try VectorRunner(corpus: corpus, ocr: method)
            let encoder = ReportCoding.encoder(.compact)
            let data = try encoder.encode(VectorJudgementRow.all(runner, specs: specs))
            try StandardOutput.write(data + Data("\n".utf8))
        }
    }
}
