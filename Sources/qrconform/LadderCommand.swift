import ArgumentParser
import Foundation
import QRConformance
import QRHarness
import QRRun

/// Hidden: the scannability ladder per symbol for scripts/bench-scannability, one JSON object per line: the
/// ladder's time as `check` runs it (stopping each family at its first failure) and every rung's outcome when run
/// exhaustively (for the pass rates of zbar alone, zxing-cpp alone and both).
struct LadderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ladder",
        abstract: "Internal: the scannability ladder per symbol (for scripts/bench-scannability).",
        shouldDisplay: false)

    @OptionGroup var spec: SpecOptions
    @Option(help: "Screen pixel density; overrides the PNG's pHYs chunk.") var ppi: Double?
    @Argument var images: [String]

    func run() throws {
        guard let timing = try LadderTiming(spec: try spec.load().spec) else {
            throw ValidationError("the spec has no complete SYM-019 ladder")
        }
        let encoder = ReportCoding.encoder(.compact)
        try timing.run(images, ppi: ppi) { line in
            try Output.print(String(decoding: try encoder.encode(line), as: UTF8.self))
        }
    }
}
