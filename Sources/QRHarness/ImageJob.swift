import Foundation
import QRConformance

/// One image to judge: its name (and path), its bytes when they are already in memory (from a zip), and the
/// per-image overrides a submission manifest declares.
public struct ImageJob: Codable, Sendable, Equatable {
    public let index: Int
    /// The path to read, or the name of the image in its submission when `data` is given.
    public let path: String
    /// The PNG bytes, when the image is not a file of its own.
    public let data: Data?
    public let displayMode: DisplayMode?
    public let ppi: Double?

    public init(index: Int, path: String, data: Data? = nil, displayMode: DisplayMode? = nil, ppi: Double? = nil) {
        self.index = index
        self.path = path
        self.data = data
        self.displayMode = displayMode
        self.ppi = ppi
    }
}

/// A judged image: its report row (encoded as the report writes it), its verdict, and the facts the submission
/// rules need (nil when the image could not be read).
public struct JudgedImage: Sendable, Equatable {
    public let index: Int
    public let verdict: Verdict
    public let row: Data
    public let observation: ImageObservation?

    public init(index: Int, verdict: Verdict, row: Data, observation: ImageObservation?) {
        self.index = index
        self.verdict = verdict
        self.row = row
        self.observation = observation
    }

    /// An error row for an image the harness could not judge.
    static func error(_ job: ImageJob, code: String, message: String) -> JudgedImage {
        let bytes = job.data ?? FileManager.default.contents(atPath: job.path)
        let row = ImageReport(
            file: job.path, sha256: bytes.map { Hashing.sha256Hex($0) }, error: ImageError(code: code, message: message))
        return JudgedImage(index: job.index, verdict: .error, row: (try? StreamingReportWriter.encode(row)) ?? Data(),
                           observation: nil)
    }
}
