import QRCamera
import QRConformance

/// What `spec show` prints: one line per rule, the spec's id, version and digest, and SYM-019's ladders.
public enum SpecSummary {
    public static func lines(_ loaded: LoadedSpec) -> [String] {
        var lines = loaded.spec.rules.map { rule in
            "\(rule.id)  [\(rule.severity.rawValue)]  \(rule.title.en) / \(rule.title.vi)"
        }
        lines.append(
            "\(loaded.spec.rules.count) rules, \(loaded.spec.id) \(loaded.spec.version), sha256 \(loaded.sha256)")
        guard let rule = loaded.spec.rule("SYM-019") else { return lines }
        for unit in [ScannabilityLadder.Unit.millimetre, .module] {
            guard case .success(let ladder) = ScannabilityLadder.fromSpec(RuleParameters(rule.parameters), unit: unit)
            else { continue }
            lines.append("")
            lines += ladder.lines
        }
        return lines
    }
}
