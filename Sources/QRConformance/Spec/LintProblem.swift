/// One problem found in a spec file, located by a JSON pointer and, when inside a rule, its id.
public struct LintProblem: Sendable, Equatable, Codable, CustomStringConvertible {
    /// JSON pointer to the offending value, e.g. `/rules/3/parameters/minimum/value`.
    public let pointer: String
    public let ruleID: String?
    public let message: String

    public init(pointer: String, ruleID: String? = nil, message: String) {
        self.pointer = pointer
        self.ruleID = ruleID
        self.message = message
    }

    public var description: String {
        let rule = ruleID.map { " [\($0)]" } ?? ""
        return "\(pointer.isEmpty ? "/" : pointer)\(rule): \(message)"
    }
}
