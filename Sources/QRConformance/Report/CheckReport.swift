import QRErrors
import Foundation

/// The result of `qrconform check`: tool, spec, validation time, per-image results and a summary.
///
/// ```swift
/// let tool = CheckReport.Tool(name: "qrconform", version: "0.1.0")
/// let report = CheckReport(tool: tool, spec: loaded, validationTime: at, images: images)
/// let bytes = try report.jsonData()   // sorted keys, byte-identical for the same inputs
/// ```
public struct CheckReport: Sendable, Equatable, Codable {
    /// The report format version written by this build.
    public static let formatVersion = 1

    public struct Tool: Sendable, Equatable, Codable {
        public let name: String
        public let version: String

        public init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }

    public struct SpecReference: Sendable, Equatable, Codable {
        public let id: String
        public let version: String
        public let sha256: String

        public init(id: String, version: String, sha256: String) {
            self.id = id
            self.version = version
            self.sha256 = sha256
        }
    }

    public struct Summary: Sendable, Equatable, Codable {
        public let images: Int
        public let pass: Int
        public let inconclusive: Int
        public let fail: Int
        public let error: Int

        public init(images: Int, pass: Int, inconclusive: Int, fail: Int, error: Int) {
            self.images = images
            self.pass = pass
            self.inconclusive = inconclusive
            self.fail = fail
            self.error = error
        }

        /// The counts of a list of verdicts.
        public init(_ verdicts: [Verdict]) {
            self.init(
                images: verdicts.count, pass: verdicts.filter { $0 == .pass }.count,
                inconclusive: verdicts.filter { $0 == .inconclusive }.count,
                fail: verdicts.filter { $0 == .fail }.count,
                error: verdicts.filter { $0 == .error }.count)
        }
    }

    public let format: Int
    public let tool: Tool
    public let spec: SpecReference
    /// ISO 8601 UTC, whole seconds, e.g. `2026-01-02T03:04:05Z`.
    public let validationTime: String
    public let verdict: Verdict
    public let images: [ImageReport]
    public let summary: Summary
    /// Harness errors of the whole run (such as a missing trust list); any makes the verdict `error`.
    public let errors: [ImageError]
    /// SHA-256 of the trust list the signatures were verified against, nil when none was given.
    public let trustListSHA256: String?
    /// The shard of the inputs this report covers (`--shard K/N`); nil for a whole run.
    public let shard: Shard?

    private enum CodingKeys: String, CodingKey {
        case format, tool, spec
        case validationTime = "validation_time"
        case verdict, images, summary, errors
        case trustListSHA256 = "trust_list_sha256"
        case shard
    }

    public func encode(to encoder: any Encoder) throws {
        try encode(to: encoder, members: [.beforeImages, .images, .afterImages])
    }

    /// The members sorted keys put before `images`, `images` itself, and those after it.
    struct Members: OptionSet {
        let rawValue: Int
        static let beforeImages = Members(rawValue: 1)
        static let images = Members(rawValue: 2)
        static let afterImages = Members(rawValue: 4)
    }

    /// Encodes some of the members (`CheckReportPart` streams the rows between the others).
    func encode(to encoder: any Encoder, members: Members) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if members.contains(.beforeImages) {
            try container.encode(errors, forKey: .errors)
            try container.encode(format, forKey: .format)
        }
        if members.contains(.images) { try container.encode(images, forKey: .images) }
        if members.contains(.afterImages) {
            try container.encodeIfPresent(shard, forKey: .shard)
            try container.encode(spec, forKey: .spec)
            try container.encode(summary, forKey: .summary)
            try container.encode(tool, forKey: .tool)
            try container.encodeIfPresent(trustListSHA256, forKey: .trustListSHA256)
            try container.encode(validationTime, forKey: .validationTime)
            try container.encode(verdict, forKey: .verdict)
        }
    }

    /// Builds the report; images stay in the given (input) order.
    public init(
        tool: Tool, spec: LoadedSpec, validationTime: Date, images: [ImageReport], errors: [ImageError] = [],
        trustListSHA256: String? = nil
    ) {
        self.init(
            tool: tool, spec: SpecReference(id: spec.spec.id, version: spec.spec.version, sha256: spec.sha256),
            validationTime: Self.timestamp(validationTime), images: images, errors: errors,
            trustListSHA256: trustListSHA256)
    }

    /// Builds the report from its parts; `verdicts` counts images that are not in `images` (a report written
    /// row by row keeps only the verdicts of the rows it already wrote).
    public init(
        tool: Tool, spec: SpecReference, validationTime: String, images: [ImageReport], errors: [ImageError],
        trustListSHA256: String?, verdicts: [Verdict]? = nil, shard: Shard? = nil
    ) {
        self.shard = shard
        format = Self.formatVersion
        self.tool = tool
        self.spec = spec
        self.validationTime = validationTime
        self.images = images
        self.errors = errors
        self.trustListSHA256 = trustListSHA256
        let all = verdicts ?? images.map(\.verdict)
        summary = Summary(all)
        verdict = errors.isEmpty ? all.max() ?? .pass : .error
    }

    /// The process exit code for this verdict (`ExitStatus`): 0 pass, 1 fail, 2 error, 3 inconclusive.
    public var exitCode: Int32 { Self.exitCode(for: verdict) }

    /// The process exit code for a verdict, from the one mapping in `ExitStatus`.
    public static func exitCode(for verdict: Verdict) -> Int32 { ExitStatus(verdict).rawValue }

    /// The report as JSON: sorted keys, pretty-printed, no escaped slashes, newline at the end.
    public func jsonData() throws -> Data {
        try ReportCoding.document(self)
    }

    /// An instant as ISO 8601 UTC with whole seconds.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// The instant a `timestamp` names; nil for any other text.
    public static func date(_ timestamp: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: timestamp)
    }
}
