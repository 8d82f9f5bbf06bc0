import QRErrors

/// A harness error for one image or run (unreadable file, ...): a stable code and the message, which names the file.
///
/// The code is a `QRError.Code`, encoded as its raw string, so reports print exactly the strings they always did.
public struct ImageError: Sendable, Equatable, Codable {
    /// Codes of what goes wrong around the inputs rather than in them: they are `QRError.Code`s of the run domain.
    public typealias RunCode = QRError.Code

    /// An input error's code (`png-truncated`, `unsafe-entry`, ...) or a run code (`worker-failed`, ...).
    public let code: QRError.Code
    public let message: String

    public init(code: QRError.Code, message: String) {
        self.code = code
        self.message = message
    }

    public init(_ code: QRError.Code, message: String) {
        self.init(code: code, message: message)
    }

    /// An input error: its code and its message (which names the file).
    public init(_ error: QRError) {
        self.init(code: error.code, message: error.description)
    }
}

/// The run codes: what goes wrong around the inputs (the run and its worker processes) rather than in them.
extension QRError.Code {
    /// The spec requires signatures and no trust list was given.
    public static let noTrustList = Self("no-trust-list")
    public static let workerUnavailable = Self("worker-unavailable")
    public static let workerFailed = Self("worker-failed")
    public static let decoderCrashed = Self("decoder-crashed")
    public static let `internal` = Self("internal")
    public static let harness = Self("harness")
}
