/// What a rule implementation returns; the engine turns it into a `Finding` using the spec's severity.
public enum RuleResult: Sendable, Equatable {
    case pass(Evidence)
    /// The requirement is not met; `fail` for severity error, `warn` otherwise.
    case violation(String, Evidence)
    /// The rule could not be judged, with the reason.
    case skip(String)

    /// A skip for a parameter the spec lacks; cannot happen with a spec that lints clean.
    static func missingParameter(_ name: String) -> RuleResult {
        .skip("the spec gives no usable parameter \"\(name)\"")
    }
}
