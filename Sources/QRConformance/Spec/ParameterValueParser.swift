/// Checks a parameter's JSON value against its declared type.
///
/// Integer parameters are counts, lengths and versions: they must lie in `integerRange`, so a hostile or mistyped
/// spec cannot make a rule allocate or add its way past what the machine can hold.
enum ParameterValueParser {
    static let integerRange = 0...1_000_000

    /// The typed value, or nil when the JSON value does not have the declared type.
    static func parse(_ raw: JSONValue, as type: ParameterType, allowed: [String]?) -> ParameterValue? {
        switch (type, raw) {
        case (.integer, .integer(let value)): return integerRange.contains(value) ? .integer(value) : nil
        case (.number, .integer(let value)): return .number(Double(value))
        case (.number, .number(let value)): return .number(value)
        case (.string, .string(let value)): return .string(value)
        case (.boolean, .bool(let value)): return .boolean(value)
        case (.date, .string(let value)): return CalendarDate(iso: value) == nil ? nil : .string(value)
        case (.enumeration, .string(let value)):
            return allowed?.contains(value) == true ? .string(value) : nil
        case (.enumList, .array(let items)):
            let strings = items.compactMap(\.stringValue)
            guard strings.count == items.count else { return nil }
            if let allowed, !strings.allSatisfy(allowed.contains) { return nil }
            return .strings(strings)
        case (.numberList, .array(let items)):
            let numbers = items.compactMap { item -> Double? in
                switch item {
                case .integer(let value): Double(value)
                case .number(let value): value.isFinite ? value : nil
                default: nil
                }
            }
            return numbers.count == items.count ? .numbers(numbers) : nil
        default: return nil
        }
    }

    /// Describes why a value did not parse, for a lint message.
    static func describe(_ raw: JSONValue?, found: String, as type: ParameterType) -> String {
        switch (type, raw) {
        case (.date, .string?): "not a real date in the form YYYY-MM-DD"
        case (.integer, .integer?): "an integer outside \(integerRange.lowerBound)…\(integerRange.upperBound)"
        case (.enumeration, .string(let value)?): "\"\(value)\", which is not in \"allowed\""
        case (.enumList, .array?): "an array with an entry that is not an allowed string"
        case (.numberList, .array?): "an array with an entry that is not a finite number"
        default: "a JSON \(found)"
        }
    }
}
