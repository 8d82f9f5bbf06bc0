import QRSymbol

/// A spec that cannot be used: unreadable, of an unknown format version, or invalid; carries the path and rule id.
public struct SpecError: HarnessError, Sendable, Equatable {
    /// What went wrong, as a stable code.
    public enum Code: String, Sendable, Equatable {
        case unreadable
        case invalidJSON = "invalid-json"
        case unsupportedFormatVersion = "unsupported-format-version"
        case invalid
        case unknownSpec = "unknown-spec"
    }

    public let code: Code
    /// The file path or bundled key of the spec.
    public let path: String
    /// The rule the problem is in, when it is in one.
    public let ruleID: String?
    public let cause: String
    public var errorCode: String { code.rawValue }
    public var file: String { path }

    public init(code: Code, path: String, ruleID: String? = nil, cause: String) {
        self.code = code
        self.path = path
        self.ruleID = ruleID
        self.cause = cause
    }

    public var description: String {
        let rule = ruleID.map { " (rule \($0))" } ?? ""
        return "\(path)\(rule): \(cause)"
    }
}
