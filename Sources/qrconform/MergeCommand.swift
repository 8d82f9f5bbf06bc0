import ArgumentParser
import Foundation
import QRConformance
import QRHarness
import QRSymbol

/// `qrconform merge SHARD...`: combine the reports of `check --shard K/N` runs into the unsharded report.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Merge shard reports (check --shard K/N) into one report.",
        discussion: "The result is byte-identical to an unsharded run over the same inputs with the same --at.")

    @Argument(help: "The shard reports, all N of them, in any order.") var reports: [String]
    @Option(help: "Write the merged report to this file instead of stdout.") var output: String?

    func run() throws {
        let merged = try ShardMerge.merge(reading: reports)
        try Output.write([UInt8](merged.jsonData()), to: output)
        if merged.exitCode != 0 { throw ExitCode(merged.exitCode) }
    }
}
