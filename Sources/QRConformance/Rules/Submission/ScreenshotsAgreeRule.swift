/// SUB-005: the screenshots of one persona show the same symbol: EC level, version and mask agree (warning).
public struct ScreenshotsAgreeRule: SubmissionRule {
    public let id = "SUB-005"

    public init() {}

    public func evaluate(_ context: SubmissionContext) -> [RuleResult] {
        guard let manifest = context.usableManifest else { return [SubmissionContext.noManifest] }
        return context.plan.personas.map { persona in
            let location = "persona \(persona.id)"
            let measured: [(file: String, shape: String)] = manifest.screenshots.compactMap { screenshot in
                guard screenshot.persona == persona.id,
                    let symbols = context.observations[screenshot.file]?.symbols, symbols.count == 1,
                    let symbol = symbols.first, let ec = symbol.ecLevel.value, let version = symbol.version.value,
                    let mask = symbol.mask.value
                else { return nil }
                return (screenshot.file, "EC level \(ec.rawValue), version \(version), mask \(mask)")
            }
            let present = manifest.screenshots.filter { $0.persona == persona.id && context.files.contains($0.file) }
            guard present.count >= 2 else {
                return .notApplicable("persona \(persona.id) has fewer than two screenshots to compare")
            }
            guard measured.count >= 2 else {
                return .inconclusive(
                    "fewer than two screenshots of persona \(persona.id) were measured",
                    remedy:
                        "send every screenshot of persona \(persona.id) at full resolution, with the whole code on screen"
                )
            }
            let shapes = Set(measured.map(\.shape))
            guard shapes.count == 1, let shape = shapes.first else {
                let list = measured.map { "\($0.file): \($0.shape)" }.joined(separator: "; ")
                return .violation(
                    "the screenshots of persona \(persona.id) show differently built codes (\(list)); "
                        + "the app should encode one payload one way",
                    Evidence(measured: "\(shapes.count) variants", limit: "1 variant", where: location))
            }
            return .pass(Evidence(measured: shape, limit: "1 variant", where: location))
        }
    }
}
