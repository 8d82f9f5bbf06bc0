/// Runs the spec's submission rules (area `submission`) over a submission; findings sorted by rule then subject.
///
/// ```swift
/// let findings = SubmissionEvaluator(spec: loaded.spec).evaluate(context)
/// ```
public struct SubmissionEvaluator: Sendable {
    /// Every submission rule implemented in this build, in id order.
    public static let rules: [any SubmissionRule] = [
        ManifestValidRule(), UnlistedFilesRule(), PayloadMatchesPersonaRule(), DisplayModesCoveredRule(),
        ScreenshotsAgreeRule(),
    ]

    public let spec: Spec
    private let implementations: [String: any SubmissionRule]

    public init(spec: Spec, rules: [any SubmissionRule] = SubmissionEvaluator.rules) {
        self.spec = spec
        implementations = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The spec without its submission rules: what each screenshot is judged by.
    public static func imageSpec(_ spec: Spec) -> Spec {
        Spec(
            formatVersion: spec.formatVersion, id: spec.id, version: spec.version, title: spec.title,
            rules: spec.rules.filter { $0.area != .submission })
    }

    public func evaluate(_ context: SubmissionContext) -> [Finding] {
        var findings: [Finding] = []
        for rule in spec.rules where rule.area == .submission {
            guard let implementation = implementations[rule.id] else {
                findings.append(Self.finding(rule, .notImplemented(rule.id), subject: 0))
                continue
            }
            for (index, result) in implementation.evaluate(context).enumerated() {
                findings.append(Self.finding(rule, result, subject: index))
            }
        }
        return Finding.sorted(findings)
    }

    static func finding(_ rule: SpecRule, _ result: RuleResult, subject: Int) -> Finding {
        Finding(rule: rule, result: result, symbol: subject)
    }
}
