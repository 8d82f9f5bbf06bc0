/// The declared type of a rule parameter in a spec file.
public enum ParameterType: String, Sendable, Equatable, CaseIterable {
    case integer, number, string, boolean, date
    case enumeration = "enum"
    case enumList = "enum-list"
    /// A list of numbers, e.g. the rungs of a ladder family (integers are widened).
    case numberList = "number-list"
}

/// A typed parameter value; `date` and `enum` values are kept as their strings.
public enum ParameterValue: Sendable, Equatable {
    case integer(Int)
    case number(Double)
    case string(String)
    case boolean(Bool)
    case strings([String])
    case numbers([Double])
}

/// A rule parameter: its type, value, and the words that explain it.
public struct SpecParameter: Sendable, Equatable {
    public let type: ParameterType
    public let value: ParameterValue
    public let allowed: [String]?
    public let unit: String?
    public let description: String?

    public init(
        type: ParameterType, value: ParameterValue, allowed: [String]? = nil, unit: String? = nil,
        description: String? = nil
    ) {
        self.type = type
        self.value = value
        self.allowed = allowed
        self.unit = unit
        self.description = description
    }
}
