import Foundation

/// JSON Pointers (RFC 6901) as messages show them: where in a document a value stands.
enum JSONPointer {
    /// The pointer of a path of member names and array indices; empty for the whole document.
    static func text(_ tokens: [String]) -> String {
        tokens.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }
            .joined()
    }

    /// The pointer of a coding path (array positions are keys whose string value is the index).
    static func text(_ path: [any CodingKey]) -> String {
        text(path.map(\.stringValue))
    }
}
