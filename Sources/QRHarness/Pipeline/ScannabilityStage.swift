import QRCamera
import QRConformance
import QRImaging
import QRSymbol

/// SYM-019's two ladders as the spec describes them: physical, and module-relative for unknown densities.
public struct ScannabilityPlan: Sendable, Equatable {
    public let physical: ScannabilityLadder
    public let moduleRelative: ScannabilityLadder

    /// Nil when the spec has no SYM-019 or its parameters are incomplete (the rule then reports the missing one).
    public init?(spec: Spec) {
        guard let rule = spec.rule("SYM-019") else { return nil }
        let parameters = RuleParameters(rule.parameters)
        guard case .success(let physical) = ScannabilityLadder.fromSpec(parameters, unit: .millimetre),
            case .success(let moduleRelative) = ScannabilityLadder.fromSpec(parameters, unit: .module)
        else { return nil }
        self.physical = physical
        self.moduleRelative = moduleRelative
    }
}

/// What the checkpoint camera saw of one symbol, with its module size in that image's pixels.
public struct CameraView: Sendable, Equatable {
    public let image: GrayImage
    public let modulePixels: Double
}

/// The pipeline's camera stage, per symbol on its own crop (never the whole screenshot): zxing-cpp's reading at
/// screen resolution for SYM-018, and, when the run asks for it, the scannability ladder for SYM-019.
///
/// Owns a zbar scanner (through `ScannabilityRunner`), so one per pipeline, one pipeline per worker.
public final class ScannabilityStage {
    private let runner: ScannabilityRunner?
    private let zxing = ZXingReader()

    public init() {
        runner = ScannabilityRunner()
    }

    /// Fills each symbol's `zxing` reading and, with a plan, its `scannability`; returns per symbol the checkpoint
    /// camera's image (nil when the physical ladder did not run on it).
    public func assess(
        _ image: GrayImage, _ inspected: InspectedImage, into observation: inout ImageObservation,
        plan: ScannabilityPlan?
    ) -> [CameraView?] {
        var views: [CameraView?] = []
        for (index, symbol) in inspected.symbols.enumerated() where index < observation.symbols.count {
            let result = assess(image, symbol, ppi: observation.ppi, plan: plan)
            observation.symbols[index].zxing = result.zxing
            observation.symbols[index].scannability = result.status
            views.append(result.view)
        }
        return views
    }

    private func assess(_ image: GrayImage, _ symbol: InspectedSymbol, ppi: Double?, plan: ScannabilityPlan?) -> (
        zxing: SecondDecoderReading?, status: ScannabilityStatus, view: CameraView?
    ) {
        let notRun: ScannabilityStatus = plan == nil ? .notRun : .unavailable("the symbol could not be measured")
        guard case .success(let m) = symbol.measurement else { return (nil, notRun, nil) }
        let margin = plan?.physical.marginModules ?? 4
        let density = ppi.flatMap { $0.isFinite && $0 > 0 ? $0 / 25.4 : nil }
        guard
            let crop = SymbolCrop(
                cutting: image, corners: m.corners, modulePixels: (m.modulePx.x + m.modulePx.y) / 2,
                invert: symbol.scanned.polarity == .lightOnDark, marginModules: margin,
                screenPixelsPerMillimetre: density)
        else {
            return (nil, plan == nil ? .notRun : .unavailable("the symbol's crop could not be cut"), nil)
        }
        let payload = symbol.scanned.data
        let readings = zxing.read(crop.image)
        let second =
            readings.isEmpty
            ? nil
            : SecondDecoderReading(
                bytesAgree: readings.allSatisfy { $0.data == payload }, ecLevel: readings.first?.ecLevel)
        guard let plan else { return (second, .notRun, nil) }
        guard let runner else { return (second, .unavailable("a zbar scanner could not be created"), nil) }
        let ladder = density == nil ? plan.moduleRelative : plan.physical
        let result = runner.margin(crop, payload: payload, ladder: ladder)
        let view = result.checkpointView.map {
            CameraView(image: $0, modulePixels: crop.modulePixels * Double($0.width) / Double(crop.image.width))
        }
        return (second, .assessed(result.margin), view)
    }
}
