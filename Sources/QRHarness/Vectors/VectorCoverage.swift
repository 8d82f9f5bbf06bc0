import QRConformance

/// How well the corpus covers a spec: for every rule, the vectors expected to pass it, to fail it, and (for a rule
/// that can be inconclusive) to be inconclusive.
///
/// A rule is covered when some vector expects `pass`, some vector expects `fail` or `warn`, and, when its
/// implementation can be inconclusive (`ConformanceRule.canBeInconclusive`), some vector expects `inconclusive`.
public struct VectorCoverage: Sendable, Equatable {
    /// One rule's coverage.
    public struct Row: Sendable, Equatable {
        public let rule: String
        /// Ids of vectors expected to pass the rule.
        public let positive: [String]
        /// Ids of vectors expected to fail or warn on the rule.
        public let negative: [String]
        /// Ids of vectors expected to leave the rule inconclusive.
        public let inconclusive: [String]
        /// Whether the rule can be inconclusive, so an inconclusive vector is required.
        public let needsInconclusive: Bool

        public var covered: Bool {
            !positive.isEmpty && !negative.isEmpty && (!needsInconclusive || !inconclusive.isEmpty)
        }
    }

    public let specID: String
    public let specVersion: String
    public let rows: [Row]

    /// The rules missing a direction.
    public var gaps: [Row] { rows.filter { !$0.covered } }

    /// The coverage of `spec` by the corpus's expectations for its version.
    public static func of(
        _ corpus: VectorCorpus, spec: Spec, rules: [any ConformanceRule] = RuleRegistry.all
    ) -> VectorCoverage {
        var vectors: [RuleOutcome: [String: [String]]] = [:]
        for area in corpus.areas where area.manifest.spec == spec.id {
            for (_, vector) in area.manifest.vectors {
                for (rule, text) in vector.expected[spec.version] ?? [:] {
                    guard let outcome = RuleOutcome(rawValue: text) else { continue }
                    vectors[outcome == .warn ? .fail : outcome, default: [:]][rule, default: []].append(vector.id)
                }
            }
        }
        let inconclusiveRules = Set(rules.filter(\.canBeInconclusive).map(\.id))
        let rows = spec.rules.map { rule in
            Row(
                rule: rule.id, positive: vectors[.pass]?[rule.id] ?? [], negative: vectors[.fail]?[rule.id] ?? [],
                inconclusive: vectors[.inconclusive]?[rule.id] ?? [],
                needsInconclusive: inconclusiveRules.contains(rule.id))
        }
        return VectorCoverage(specID: spec.id, specVersion: spec.version, rows: rows)
    }
}
