import QRHarness
import Dispatch
import Foundation
import QRCamera
import QRConformance
import QRImaging

/// The scannability ladder per symbol for scripts/bench-scannability: its time as `check` runs it (each family
/// stopped at its first failure) and every rung's outcome when run exhaustively.
public struct LadderTiming {
    /// One symbol's figures, printed as one JSON line.
    public struct Line: Encodable, Sendable {
        public let file: String
        public let unit: String
        public let milliseconds: Double
        public let outcomes: [RungOutcome]
    }

    private let plan: ScannabilityPlan
    private let runner: ScannabilityRunner
    private let pipeline: ImagePipeline

    /// Nil when the spec has no complete SYM-019 ladder or zbar cannot start.
    public init?(spec: Spec) throws {
        guard let plan = ScannabilityPlan(spec: spec), let runner = ScannabilityRunner() else { return nil }
        self.plan = plan
        self.runner = runner
        pipeline = try ImagePipeline()
    }

    /// Every measured symbol of every image, in order; `ppi` overrides the PNGs' density.
    public func run(_ paths: [String], ppi: Double?, emit: (Line) throws -> Void) throws {
        for path in paths {
            for line in try lines(path, ppi: ppi) { try emit(line) }
        }
    }

    /// Every measured symbol of the image; `ppi` overrides the PNG's density.
    func lines(_ path: String, ppi: Double?) throws(ImagePreparationFailure) -> [Line] {
        let prepared = try pipeline.prepare(.file(path: path)).get()
        let (image, inspected) = (prepared.image, prepared.inspected)
        let density = (ppi ?? image.pixelsPerInch).map { $0 / 25.4 }
        let ladder = density == nil ? plan.moduleRelative : plan.physical
        return inspected.symbols.compactMap { symbol in
            guard case .success(let m) = symbol.measurement,
                let crop = SymbolCrop(
                    cutting: image, corners: m.corners, modulePixels: (m.modulePx.x + m.modulePx.y) / 2,
                    invert: symbol.scanned.polarity == .lightOnDark, marginModules: ladder.marginModules,
                    screenPixelsPerMillimetre: density)
            else { return nil }
            let start = DispatchTime.now().uptimeNanoseconds
            _ = runner.margin(crop, payload: symbol.scanned.data, ladder: ladder)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e6
            let all = runner.margin(crop, payload: symbol.scanned.data, ladder: ladder, exhaustive: true)
            return Line(file: path, unit: ladder.unit.rawValue, milliseconds: elapsed, outcomes: all.margin.outcomes)
        }
    }
}
