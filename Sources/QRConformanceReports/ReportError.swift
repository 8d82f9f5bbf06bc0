/// A harness error as reports show it: a stable code and a message that names the file and the cause.
public struct ReportError: Encodable, Sendable, Equatable {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}
