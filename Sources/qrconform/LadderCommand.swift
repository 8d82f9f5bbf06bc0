import ArgumentParser
import Dispatch
import Foundation
import QRCamera
import QRConformance
import QRHarness
import QRImaging
import QRSymbol

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

    /// One line of output.
    struct Line: Encodable {
        let file: String
        let unit: String
        let milliseconds: Double
        let outcomes: [RungOutcome]
    }

    func run() throws {
        let loaded = try spec.load()
        guard let plan = ScannabilityPlan(spec: loaded.spec), let runner = ScannabilityRunner() else {
            throw ValidationError("the spec has no complete SYM-019 ladder")
        }
        let pipeline = try ImagePipeline()
        let encoder = ReportCoding.encoder(.compact)
        for path in images {
            let image = try pipeline.decode(try ImageFile.readBytes(path: path), name: path)
            let inspected = pipeline.inspect(image)
            let density = (ppi ?? image.pixelsPerInch).map { $0 / 25.4 }
            let ladder = density == nil ? plan.moduleRelative : plan.physical
            for symbol in inspected.symbols {
                guard case .success(let m) = symbol.measurement,
                    let crop = SymbolCrop(
                        cutting: image, corners: m.corners, modulePixels: (m.modulePx.x + m.modulePx.y) / 2,
                        invert: symbol.scanned.polarity == .lightOnDark, marginModules: ladder.marginModules,
                        screenPixelsPerMillimetre: density)
                else { continue }
                let start = DispatchTime.now().uptimeNanoseconds
                _ = runner.margin(crop, payload: symbol.scanned.data, ladder: ladder)
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                let all = runner.margin(crop, payload: symbol.scanned.data, ladder: ladder, exhaustive: true)
                let line = Line(
                    file: path, unit: ladder.unit.rawValue, milliseconds: elapsed, outcomes: all.margin.outcomes)
                try Output.print(String(decoding: try encoder.encode(line), as: UTF8.self))
            }
        }
    }
}
