import QRErrors

/// A spec that cannot be used: unreadable, of an unknown format version, or invalid; names the file and the rule.
public typealias SpecError = QRError

extension QRError.Domain {
    /// Specs: the file path or bundled key, and the rule the problem is in.
    public static let spec = Self("spec")
}

extension QRError.Code {
    /// No bundled spec by that name.
    public static let unknownSpec = Self("unknown-spec")
}

extension QRError {
    /// A spec error, in the rule `ruleID` when the problem is in one: `rules.json (rule QR-01): cause`.
    public static func spec(code: Code, path: String, ruleID: String? = nil, cause: String) -> Self {
        Self(.spec, code: code, file: path, location: ruleID.map(Location.rule), cause: cause)
    }
}
