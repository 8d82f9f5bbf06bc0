/// What changed between two specs: rules added and removed, and per rule the severity, title and parameter changes.
///
/// Pure and ordered by rule id, so the same two specs always give the same diff.
///
/// ```swift
/// let diff = SpecDiff(old: old.spec, new: new.spec)
/// for change in diff.changed { print(change.id, change.parameters) }
/// ```
public struct SpecDiff: Sendable, Equatable {
    /// A parameter that was added, removed or given another type or value; the values as `type value` text.
    public struct ParameterChange: Sendable, Equatable {
        public let name: String
        public let old: String?
        public let new: String?

        public init(name: String, old: String?, new: String?) {
            self.name = name
            self.old = old
            self.new = new
        }
    }

    /// A rule present in both specs whose severity, title or parameters differ.
    public struct RuleChange: Sendable, Equatable {
        public let id: String
        public let severity: (old: Severity, new: Severity)?
        public let title: (old: LocalizedText, new: LocalizedText)?
        public let parameters: [ParameterChange]

        public static func == (lhs: RuleChange, rhs: RuleChange) -> Bool {
            lhs.id == rhs.id && lhs.severity?.old == rhs.severity?.old
                && lhs.severity?.new == rhs.severity?.new
                && lhs.title?.old == rhs.title?.old && lhs.title?.new == rhs.title?.new
                && lhs.parameters == rhs.parameters
        }
    }

    public let added: [String]
    public let removed: [String]
    public let changed: [RuleChange]

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    public init(old: Spec, new: Spec) {
        let oldRules = Dictionary(
            old.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newRules = Dictionary(
            new.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        added = newRules.keys.filter { oldRules[$0] == nil }.sorted()
        removed = oldRules.keys.filter { newRules[$0] == nil }.sorted()
        changed = oldRules.keys.sorted().compactMap { id in
            guard let before = oldRules[id], let after = newRules[id] else { return nil }
            return Self.change(before, after)
        }
    }

    private static func change(_ old: SpecRule, _ new: SpecRule) -> RuleChange? {
        let severity = old.severity == new.severity ? nil : (old: old.severity, new: new.severity)
        let title = old.title == new.title ? nil : (old: old.title, new: new.title)
        let names = Set(old.parameters.keys).union(new.parameters.keys).sorted()
        let parameters = names.compactMap { name -> ParameterChange? in
            let before = old.parameters[name].map(describe)
            let after = new.parameters[name].map(describe)
            return before == after ? nil : ParameterChange(name: name, old: before, new: after)
        }
        guard severity != nil || title != nil || !parameters.isEmpty else { return nil }
        return RuleChange(id: old.id, severity: severity, title: title, parameters: parameters)
    }

    /// A parameter as `type value`, e.g. `enum M` or `number 0.62`.
    public static func describe(_ parameter: SpecParameter) -> String {
        let value: String
        switch parameter.value {
        case .integer(let number): value = String(number)
        case .number(let number): value = String(number)
        case .string(let text): value = text
        case .boolean(let flag): value = String(flag)
        case .strings(let list): value = "[" + list.joined(separator: ", ") + "]"
        case .numbers(let list): value = "[" + list.map { String($0) }.joined(separator: ", ") + "]"
        }
        return "\(parameter.type.rawValue) \(value)"
    }
}
