/// SUB-004: every persona of the test plan has a screenshot in every display mode the plan requires.
public struct DisplayModesCoveredRule: SubmissionRule {
    public let id = "SUB-004"

    public init() {}

    public func evaluate(_ context: SubmissionContext) -> [RuleResult] {
        guard let manifest = context.usableManifest else { return [SubmissionContext.noManifest] }
        return context.plan.personas.map { persona in
            let shown = Set(manifest.screenshots.filter { $0.persona == persona.id }.map(\.mode))
            let missing = persona.requiredModes.filter { !shown.contains($0) }
            let required = persona.requiredModes.map(\.rawValue).joined(separator: ", ")
            let present = shown.map(\.rawValue).sorted().joined(separator: ", ")
            let evidence = Evidence(
                measured: present.isEmpty ? "none" : present, limit: required, where: "persona \(persona.id)")
            guard missing.isEmpty else {
                let names = missing.map(\.rawValue).joined(separator: ", ")
                return .violation("persona \(persona.id) has no screenshot in display mode \(names)", evidence)
            }
            return .pass(evidence)
        }
    }
}
