extension QRError {
    /// Where in its file an error is: the part the cause is about.
    public enum Location: Sendable, Equatable, CustomStringConvertible {
        /// A spec rule, by id.
        case rule(String)
        /// A key of a key list, by `kid`.
        case key(String)
        /// A JSON value, by JSON Pointer (`/screenshots/2/persona`; empty for the whole document).
        case pointer(String)

        /// The text put after the file name: ` (rule QR-01)`, ` (key abc)`, ` at /screenshots/2`.
        public var description: String {
            switch self {
            case .rule(let id): " (rule \(id))"
            case .key(let kid): " (key \(kid))"
            case .pointer(let pointer): " at \(pointer.isEmpty ? "/" : pointer)"
            }
        }
    }

    /// The rule the error is in, when it is about one.
    public var ruleID: String? { if case .rule(let id) = location { id } else { nil } }
    /// The key the error is in, when it is about one.
    public var kid: String? { if case .key(let kid) = location { kid } else { nil } }
    /// The JSON value the error is about, when it is about one.
    public var pointer: String? { if case .pointer(let pointer) = location { pointer } else { nil } }
}
