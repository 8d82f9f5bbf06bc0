import Foundation

/// Runs a spec's rules over one image: image rules once, symbol rules per symbol, findings sorted.
///
/// ```swift
/// let engine = ConformanceEngine(spec: loaded.spec)
/// let findings = engine.evaluate(observation, at: validationTime)
/// ```
public struct ConformanceEngine: Sendable {
    public let spec: Spec
    /// The keys signatures are verified against; nil when none was given.
    public let trustList: TrustList?
    private let implementations: [String: any ConformanceRule]

    public init(spec: Spec, rules: [any ConformanceRule] = RuleRegistry.all, trustList: TrustList? = nil) {
        self.spec = spec
        self.trustList = trustList
        implementations = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every finding for the image, sorted by rule id then symbol.
    public func evaluate(_ image: ImageObservation, at validationTime: Date) -> [Finding] {
        let parses = image.symbols.map { PersonalQRPayload.parse(bytes: $0.payload) }
        var findings: [Finding] = []
        for rule in spec.rules where rule.area != .submission {
            let parameters = RuleParameters(rule.parameters)
            guard let implementation = implementations[rule.id] else {
                findings.append(finding(rule, .notImplemented(rule.id), symbol: nil))
                continue
            }
            switch implementation.scope {
            case .image:
                let context = RuleContext(
                    image: image, symbol: nil, payload: nil, parameters: parameters, validationTime: validationTime,
                    trustList: trustList)
                findings.append(finding(rule, implementation.evaluate(context), symbol: nil))
            case .symbol where image.symbols.isEmpty:
                findings.append(finding(rule, .noSymbol, symbol: nil))
            case .symbol:
                for (index, symbol) in image.symbols.enumerated() {
                    let prefix = image.symbols.count > 1 ? "symbol \(index + 1): " : ""
                    let context = RuleContext(
                        image: image, symbol: symbol, payload: parses[index], parameters: parameters,
                        validationTime: validationTime, locationPrefix: prefix, trustList: trustList)
                    findings.append(finding(rule, implementation.evaluate(context), symbol: index))
                }
            }
        }
        return Finding.sorted(findings)
    }

    private func finding(_ rule: SpecRule, _ result: RuleResult, symbol: Int?) -> Finding {
        Finding(rule: rule, result: result, symbol: symbol)
    }
}
