import ArgumentParser
import Foundation
import QRConformance
import QRHarness

/// `qrconform merge SHARD...`: combine the reports of `check --shard K/N` runs into the unsharded report.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Merge shard reports (check --shard K/N) into one report.",
        discussion: "The result is byte-identical to an unsharded run over the same inputs with the same --at.")

    @Argument(help: "The shard reports, all N of them, in any order.") var reports: [String]
    @Option(help: "Write the merged report to this file instead of stdout.") var output: String?

    func run() throws {
        var shards: [CheckReport] = []
        for path in reports {
            let data: Data
            do {
                data = Data(try InputFile.read(path: path))
            } catch {
                Diagnostics.warn("\(path): cannot read the file: \(error)")
                throw ExitCode(2)
            }
            do {
                shards.append(try StrictJSONDecoder().decode(CheckReport.self, from: [UInt8](data), file: path))
            } catch {
                Diagnostics.warn(
                    "\(path): " + (error.isSyntax ? "not valid JSON: " : "not a qrconform check report: ") + error.cause
                )
                throw ExitCode(2)
            }
        }
        do {
            let merged = try ShardMerge.merge(shards)
            try Output.write([UInt8](merged.jsonData()), to: output)
            if merged.exitCode != 0 { throw ExitCode(merged.exitCode) }
        } catch let error as ShardMergeError {
            Diagnostics.warn(error.description)
            throw ExitCode(2)
        }
    }
}
