/// Why a JSON input could not be read: the file, where in it (line, column, JSON Pointer) and what is wrong, either
/// malformed JSON (`isSyntax`) or JSON of the wrong shape (a wrong type, a missing member, a value out of range).
public struct JSONDecodeError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    /// The JSON Pointer of the value refused (RFC 6901; empty for the whole document).
    public let pointer: String
    public let problem: String
    /// True when the document is not JSON at all; false when it is JSON of the wrong shape.
    public let isSyntax: Bool

    public init(file: String, line: Int, column: Int, pointer: String, problem: String, isSyntax: Bool) {
        self.file = file
        self.line = line
        self.column = column
        self.pointer = pointer
        self.problem = problem
        self.isSyntax = isSyntax
    }

    init(file: String, syntax: JSONSyntaxError) {
        self.init(
            file: file, line: syntax.line, column: syntax.column, pointer: syntax.pointer, problem: syntax.problem,
            isSyntax: true)
    }

    init(file: String, bytes: [UInt8], root: JSONNode, decoding error: DecodingError) {
        let path: [any CodingKey]
        let problem: String
        switch error {
        case .keyNotFound(let key, let context):
            path = context.codingPath
            problem = "missing member \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
            problem = context.debugDescription
        @unknown default:
            path = []
            problem = "\(error)"
        }
        let (line, column) = StrictJSON.location(of: root.deepest(along: path).offset, in: bytes)
        self.init(
            file: file, line: line, column: column, pointer: JSONPointer.text(path), problem: problem, isSyntax: false)
    }

    /// Where and what, without the file, for errors that put the file first themselves: `line 3, column 5: expected
    /// a string, found integer (at /rules/0/id)`; syntax errors read as `JSONSyntaxError` does.
    public var cause: String {
        let place = isSyntax && pointer.isEmpty ? "" : " (at \(pointer.isEmpty ? "/" : pointer))"
        return "line \(line), column \(column): \(problem)\(place)"
    }

    /// The cause behind what is wrong: `not valid JSON: …` or `unexpected content: …`.
    public var summary: String { (isSyntax ? "not valid JSON: " : "unexpected content: ") + cause }

    public var description: String { "\(file): \(summary)" }
}
