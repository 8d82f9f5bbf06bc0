import Foundation
import QRConformance

/// What a submission-reading worker answers on stdout: the contents it read, or why it could not read them.
///
/// One JSON document (file bytes as base64), written once when the worker is done; the driver decodes it after the
/// worker exits, so a worker that crashes part way leaves a truncated document, which reads as a crash.
public struct SubmissionReadFrame: Codable, Sendable, Equatable {
    public struct Contents: Codable, Sendable, Equatable {
        public var source: String
        public var manifest: Data?
        public var files: [String: Data]
    }

    public struct Failure: Codable, Sendable, Equatable {
        public var code: String
        public var path: String
        public var pointer: String?
        public var cause: String
    }

    public var contents: Contents?
    public var failure: Failure?

    public init(_ result: Result<SubmissionContents, SubmissionError>) {
        switch result {
        case .success(let value):
            contents = Contents(
                source: value.source, manifest: value.manifest.map { Data($0) },
                files: value.files.mapValues { Data($0) })
        case .failure(let error):
            failure = Failure(code: error.code.rawValue, path: error.file, pointer: error.pointer, cause: error.cause)
        }
    }

    public func encoded() -> Data {
        (try? ReportCoding.encoder(.compact).encode(self)) ?? Data()
    }

    /// The result the frame carries; nil when the bytes are not a frame (the worker died or wrote something else).
    public static func decode(_ data: Data) -> Result<SubmissionContents, SubmissionError>? {
        guard let frame = try? JSONDecoder().decode(SubmissionReadFrame.self, from: data) else { return nil }
        switch (frame.contents, frame.failure) {
        case (let contents?, nil):
            return .success(
                SubmissionContents(
                    source: contents.source, manifest: contents.manifest.map { [UInt8]($0) },
                    files: contents.files.mapValues { [UInt8]($0) }))
        case (nil, let failure?):
            let code = SubmissionError.Code(rawValue: failure.code)
            guard SubmissionError.Code.submissionCodes.contains(code) else { return nil }
            return .failure(
                SubmissionError.submission(
                    code: code, path: failure.path, pointer: failure.pointer, cause: failure.cause))
        default:
            return nil
        }
    }
}
