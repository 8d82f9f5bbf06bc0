import Foundation
import QRConformance

/// What images are judged against, read from the spec once per run (or once per spec in the vectors): the options,
/// the rule engine, the quiet zone the text search leaves around each code, the parameters coverage is counted with,
/// and SYM-019's ladders when the run asks for them.
public struct ImageJudging: Sendable {
    public let options: CheckOptions
    let engine: ConformanceEngine
    /// SYM-013's minimum, in modules; 4 when the spec has none.
    let quietZoneModules: Int
    /// DSP-001's parameters, which the report's text coverage is counted with as the rules count it; nil when the spec
    /// has no display rules (no coverage is reported then).
    let textParameters: RuleParameters?
    /// SYM-019's ladders; nil when the run does not ask for the ladder.
    let scannabilityPlan: ScannabilityPlan?

    public init(options: CheckOptions) {
        self.options = options
        let spec = options.spec.spec
        engine = ConformanceEngine(spec: spec, trustList: options.trustList)
        quietZoneModules = RuleParameters(spec.rule("SYM-013")?.parameters ?? [:]).integer("minimum") ?? 4
        textParameters = spec.rule("DSP-001").map { RuleParameters($0.parameters) }
        scannabilityPlan = options.scannability ? ScannabilityPlan(spec: spec) : nil
    }
}
