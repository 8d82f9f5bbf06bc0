import QRCamera
import QRSymbol

/// SYM-019: the code survives the checkpoint rung of the scannability ladder: a webcam-class camera looking at the
/// screen (its resolution, defocus, noise, JPEG and tilt from the spec) and both zbar and zxing-cpp read the exact
/// payload bytes.
///
/// The ladder is physical, so it needs the pixel density; without it the rule is inconclusive and the finding
/// still gives the module-relative margin. The ladder runs only when asked (`certify`, `check --scannability`).
public struct CheckpointScanRule: ConformanceRule {
    public let id = "SYM-019"
    public let canBeInconclusive = true
    public let parameterTypes = ScannabilityLadder.parameterTypes

    public init() {}

    /// How to turn the ladder on, as SYM-019's not-applicable finding says.
    public static let notRunMessage =
        "the scannability ladder was not run; pass --scannability to qrconform check (certify always runs it)"

    public func evaluate(_ context: RuleContext) -> RuleResult {
        if case .failure(let missing) = ScannabilityLadder.fromSpec(context.parameters, unit: .millimetre) {
            return .missingParameter(missing.name)
        }
        guard let symbol = context.symbol else { return .noSymbol }
        let margin: ScannabilityMargin
        switch symbol.scannability {
        case .notRun: return .notApplicable(Self.notRunMessage)
        case .unavailable(let reason):
            return .inconclusive("the scannability ladder could not run: \(reason)", remedy: Measured<Bool>.remedy)
        case .assessed(let value): margin = value
        }
        let summary = Self.summary(margin)
        guard margin.unit == .millimetre, let checkpoint = margin.checkpoint else {
            return .inconclusive(
                "the pixel density is unknown, so the camera's physical rungs cannot be run; module-relative margin: "
                    + summary,
                remedy:
                    "pass --device NAME (qrconform devices lists them) or --ppi N, or save the screenshot with a pHYs chunk"
            )
        }
        let evidence = Evidence(
            measured:
                "checkpoint: zbar \(checkpoint.zbar.rawValue), zxing-cpp \(checkpoint.zxing.rawValue); \(summary)",
            limit: "both decoders read the exact bytes at the checkpoint rung", where: context.location("symbol"))
        guard checkpoint.passed else {
            return .violation(
                "a checkpoint camera (the spec's checkpoint rung) does not read the code: zbar \(checkpoint.zbar.rawValue), "
                    + "zxing-cpp \(checkpoint.zxing.rawValue); draw it larger, with whole pixels per module and full "
                    + "contrast", evidence)
        }
        return .pass(evidence)
    }

    /// Highest rung per family, each decoder's first failure and the misreads, e.g.
    /// `resolution 3/5 (6 px/mm), ...; first failure zbar: ..., zxing-cpp: ...; misreads: none`.
    static func summary(_ margin: ScannabilityMargin) -> String {
        let families = margin.families.map { "\($0.family) \($0.passed)/\($0.rungs)" }.joined(separator: ", ")
        let misreads =
            margin.misreads.isEmpty
            ? "none"
            : margin.misreads.map { m in
                let who = [m.zbar == .misread ? "zbar" : nil, m.zxing == .misread ? "zxing-cpp" : nil]
                return "\(m.label) (\(who.compactMap { $0 }.joined(separator: ", ")))"
            }.joined(separator: ", ")
        return "rungs passed: \(families); first failure zbar: \(margin.zbarFirstFailure ?? "none"), "
            + "zxing-cpp: \(margin.zxingFirstFailure ?? "none"); misreads: \(misreads)"
    }
}
