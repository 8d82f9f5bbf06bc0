import Foundation

/// A refusal's body outside the generated handlers (the `Problem` schema): a stable code and a message.
struct ProblemBody: Encodable {
    let code: String
    let message: String

    var json: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map(Array.init) ?? Array("{\"code\":\"internal\",\"message\":\"\"}".utf8)
    }
}
