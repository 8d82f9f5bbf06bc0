import QRConformance

/// A vector whose rule outcome differs between two specs, with what its manifest expects under the new one.
public struct VectorOutcomeChange: Sendable, Equatable {
    public let area: String
    public let vector: String
    public let rule: String
    public let old: ActualOutcome
    public let new: ActualOutcome
    /// The manifest's expectation for the new spec's version, nil when not asserted.
    public let expectedNew: RuleOutcome?

    /// Every (vector, rule) whose outcome changes from `old` to `new`, in corpus order then rule id.
    public static func between(old: LoadedSpec, new loaded: LoadedSpec, runner: VectorRunner) -> [VectorOutcomeChange] {
        let before = Dictionary(
            runner.results(spec: old).map { ("\($0.vector) \($0.rule)", $0.actual) },
            uniquingKeysWith: { a, _ in a })
        let new = loaded.spec
        var expectations: [String: [String: String]] = [:]
        for area in runner.corpus.areas where area.manifest.spec == new.id {
            for (_, vector) in area.manifest.vectors {
                expectations[vector.id] = vector.expected[new.version]
            }
        }
        return runner.results(spec: loaded).compactMap { result in
            let previous = before["\(result.vector) \(result.rule)"] ?? .absent
            guard previous != result.actual else { return nil }
            return VectorOutcomeChange(
                area: result.area, vector: result.vector, rule: result.rule, old: previous,
                new: result.actual,
                expectedNew: expectations[result.vector]?[result.rule].flatMap(RuleOutcome.init(rawValue:)))
        }
    }
}
