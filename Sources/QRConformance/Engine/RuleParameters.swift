/// Typed read access to one rule's parameters from the spec.
public struct RuleParameters: Sendable, Equatable {
    public let values: [String: SpecParameter]

    public init(_ values: [String: SpecParameter]) {
        self.values = values
    }

    public func integer(_ name: String) -> Int? {
        if case .integer(let value)? = values[name]?.value { return value }
        return nil
    }

    /// A number; integers are widened.
    public func number(_ name: String) -> Double? {
        switch values[name]?.value {
        case .number(let value)?: value
        case .integer(let value)?: Double(value)
        default: nil
        }
    }

    /// A string, date or enum value.
    public func string(_ name: String) -> String? {
        if case .string(let value)? = values[name]?.value { return value }
        return nil
    }

    public func strings(_ name: String) -> [String]? {
        if case .strings(let value)? = values[name]?.value { return value }
        return nil
    }

    /// A list of numbers (`number-list`).
    public func numbers(_ name: String) -> [Double]? {
        if case .numbers(let value)? = values[name]?.value { return value }
        return nil
    }

    public func date(_ name: String) -> CalendarDate? {
        string(name).flatMap(CalendarDate.init(iso:))
    }
}
