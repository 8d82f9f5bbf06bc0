import Foundation
import QRConformance
import QRConformanceReports

/// One image to judge: its name (and path), its bytes when they are already in memory (from a zip), the
/// per-image overrides a submission manifest declares, and what the caller needs besides the report row.
public struct ImageJob: Codable, Sendable, Equatable {
    public let index: Int
    /// The path to read, or the name of the image in its submission when `data` is given.
    public let path: String
    /// The PNG bytes, when the image is not a file of its own.
    public let data: Data?
    public let displayMode: DisplayMode?
    public let ppi: Double?
    /// Send back the facts the submission rules judge (`certify`).
    public let wantsObservation: Bool
    /// Send back the QR crop of the HTML report, cut where the image was decoded.
    public let wantsVisual: Bool

    public init(
        index: Int, path: String, data: Data? = nil, displayMode: DisplayMode? = nil, ppi: Double? = nil,
        wantsObservation: Bool = false, wantsVisual: Bool = false
    ) {
        self.index = index
        self.path = path
        self.data = data
        self.displayMode = displayMode
        self.ppi = ppi
        self.wantsObservation = wantsObservation
        self.wantsVisual = wantsVisual
    }
}

/// A judged image, as a worker sends it back: its report row (with the finding details reports leave out, as
/// `ImageReportTransport`),
/// and what the job asked for besides: the facts for the submission rules and the QR crop for the HTML report.
public struct JudgedImage: Sendable, Equatable, Codable {
    public let index: Int
    public let report: ImageReport
    /// Nil unless the job asked for it and the image could be read.
    public let observation: ImageObservation?
    /// Nil unless the job asked for it and the image had a symbol to crop.
    public let visual: ScreenshotVisual?

    public init(index: Int, report: ImageReport, observation: ImageObservation? = nil, visual: ScreenshotVisual? = nil)
    {
        self.index = index
        self.report = report
        self.observation = observation
        self.visual = visual
    }

    public var verdict: Verdict { report.verdict }

    private enum CodingKeys: String, CodingKey {
        case index, report, observation, visual
    }

    /// The row arrives as `ImageReportTransport`, with the finding details the report leaves out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        index = try container.decode(Int.self, forKey: .index)
        report = try container.decode(ImageReportTransport.self, forKey: .report).restored
        observation = try container.decodeIfPresent(ImageObservation.self, forKey: .observation)
        visual = try container.decodeIfPresent(ScreenshotVisual.self, forKey: .visual)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encode(ImageReportTransport(report), forKey: .report)
        try container.encodeIfPresent(observation, forKey: .observation)
        try container.encodeIfPresent(visual, forKey: .visual)
    }

    /// An error row for an image the harness could not judge.
    static func error(_ job: ImageJob, code: ImageError.RunCode, message: String) -> JudgedImage {
        let bytes = job.data ?? FileManager.default.contents(atPath: job.path)
        let row = ImageReport(
            file: job.path, sha256: bytes.map { Hashing.sha256Hex($0) }, error: ImageError(code, message: message))
        return JudgedImage(index: job.index, report: row)
    }
}
