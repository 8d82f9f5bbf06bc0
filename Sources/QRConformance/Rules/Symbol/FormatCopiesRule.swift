/// SYM-006: both format information copies are readable and agree; version blocks, when present, agree too.
public struct FormatCopiesRule: ConformanceRule {
    public let id = "SYM-006"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = [:]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let symbol = context.symbol else { return .noSymbol }
        guard let copies = symbol.formatCopies.value else {
            return symbol.formatCopies.inconclusive("format information")
        }
        let evidence = Evidence(
            measured: copies.rawValue, limit: "both-agree", where: context.location("format information"))
        switch copies {
        case .bothAgree:
            break
        case .onlyFirstReadable:
            return .violation(
                "only the first format information copy (around the top-left finder) is readable; the second is "
                    + "damaged or covered", evidence)
        case .onlySecondReadable:
            return .violation(
                "only the second format information copy (beside the top-right and bottom-left finders) is "
                    + "readable; the first is damaged or covered", evidence)
        case .disagree:
            return .violation("the two format information copies disagree; one is damaged or drawn wrongly", evidence)
        case .unreadable:
            return .violation("neither format information copy is readable", evidence)
        }
        if symbol.versionSourcesAgree.value == false {
            return .violation(
                "the version information does not agree with the symbol size; a version block is damaged or wrong",
                Evidence(
                    measured: "version sources disagree", limit: "agree", where: context.location("version information")
                ))
        }
        return .pass(evidence)
    }
}
