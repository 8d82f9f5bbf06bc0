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
                _ = try StrictJSON.parse([UInt8](data))
            } catch {
                Diagnostics.warn("\(path): not valid JSON: \(error)")
                throw ExitCode(2)
            }
            do {
                shards.append(try JSONDecoder().decode(CheckReport.self, from: data))
            } catch {
                Diagnostics.warn("\(path): not a qrconform check report: \(DecodingProblem.describe(error))")
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

/// A `DecodingError` as a user reads it: what is wrong and the JSON Pointer where.
enum DecodingProblem {
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func at(_ path: [any CodingKey]) -> String {
            "/" + path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "/")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing member \"\(key.stringValue)\" at \(at(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "unexpected value at \(at(context.codingPath))"
        @unknown default: return "not the expected shape"
        }
    }
}
