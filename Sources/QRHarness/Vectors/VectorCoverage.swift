import QRConformance

/// How well the corpus covers a spec: for every rule, the vectors expected to pass it and to fail it.
///
/// A rule is covered both ways when some vector expects `pass` and some vector expects `fail` or `warn` (or `skip`,
/// for the rules a manifest lists under `skip_counts_as_negative` because skipping is the point).
public struct VectorCoverage: Sendable, Equatable {
    /// One rule's coverage.
    public struct Row: Sendable, Equatable {
        public let rule: String
        /// Ids of vectors expected to pass the rule.
        public let positive: [String]
        /// Ids of vectors expected to fail, warn on, or (where declared) skip the rule.
        public let negative: [String]

        public var covered: Bool { !positive.isEmpty && !negative.isEmpty }
    }

    public let specID: String
    public let specVersion: String
    public let rows: [Row]

    /// The rules missing a direction.
    public var gaps: [Row] { rows.filter { !$0.covered } }

    /// The coverage of `spec` by the corpus's expectations for its version.
    public static func of(_ corpus: VectorCorpus, spec: Spec) -> VectorCoverage {
        var positive: [String: [String]] = [:]
        var negative: [String: [String]] = [:]
        for area in corpus.areas where area.manifest.spec == spec.id {
            let skipCounts = area.manifest.skipCountsAsNegative ?? [:]
            for (_, vector) in area.manifest.vectors {
                for (rule, text) in vector.expected[spec.version] ?? [:] {
                    switch RuleOutcome(rawValue: text) {
                    case .pass?: positive[rule, default: []].append(vector.id)
                    case .fail?, .warn?: negative[rule, default: []].append(vector.id)
                    case .skip? where skipCounts[rule] != nil: negative[rule, default: []].append(vector.id)
                    default: break
                    }
                }
            }
        }
        let rows = spec.rules.map { rule in
            Row(rule: rule.id, positive: positive[rule.id] ?? [], negative: negative[rule.id] ?? [])
        }
        return VectorCoverage(specID: spec.id, specVersion: spec.version, rows: rows)
    }
}
