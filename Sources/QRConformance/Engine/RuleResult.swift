/// What a rule implementation returns; the engine turns it into a `Finding` using the spec's severity.
public enum RuleResult: Sendable, Equatable {
    case pass(Evidence)
    /// The requirement is not met; `fail` for severity error, `warn` otherwise.
    case violation(String, Evidence)
    /// The rule does not apply here (the other display mode, no mode declared, a premise another rule failed),
    /// with the reason.
    case notApplicable(String)
    /// The rule applies but the evidence could not be obtained: why, what would make it judgeable, and where (the
    /// screen regions a person should look at, for a display rule).
    case inconclusive(String, remedy: String, evidence: Evidence = Evidence())

    /// The result for a parameter the spec lacks; cannot happen with a spec that lints clean.
    static func missingParameter(_ name: String) -> RuleResult {
        .inconclusive(
            "the spec gives no usable parameter \"\(name)\"",
            remedy: "fix the spec (qrconform spec lint names the problem)")
    }
}
