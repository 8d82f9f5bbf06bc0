import Foundation
import QRConformance

/// The public list of apps: the latest verdict of every app and version in the register, with the spec it was
/// judged under, the date and the digest of its report, so anyone holding a report can match it.
///
/// ```swift
/// let list = PublicList(runs: try register.latestPerApp())
/// let json = try list.jsonData()
/// ```
public struct PublicList: Sendable, Equatable, Encodable {
    public static let formatVersion = 1

    public struct Entry: Sendable, Equatable, Encodable {
        public let vendor: String
        public let app: String
        public let version: String
        public let platform: String
        public let verdict: Verdict
        /// Whether the latest verdict is `pass`: the app and version are certified.
        public let certified: Bool
        /// `id@version` of the spec the verdict is under.
        public let spec: String
        /// The validation time of the run (ISO 8601 UTC).
        public let date: String
        public let reportSHA256: String
        /// The key id that signed the report, when it was signed.
        public let signedBy: String?
        public let run: Int64

        enum CodingKeys: String, CodingKey {
            case vendor, app, version, platform, verdict, certified, spec, date, run
            case reportSHA256 = "report_sha256"
            case signedBy = "signed_by"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(vendor, forKey: .vendor)
            try container.encode(app, forKey: .app)
            try container.encode(version, forKey: .version)
            try container.encode(platform, forKey: .platform)
            try container.encode(verdict, forKey: .verdict)
            try container.encode(certified, forKey: .certified)
            try container.encode(spec, forKey: .spec)
            try container.encode(date, forKey: .date)
            try container.encode(reportSHA256, forKey: .reportSHA256)
            try container.encode(signedBy, forKey: .signedBy)
            try container.encode(run, forKey: .run)
        }
    }

    public let format: Int
    public let apps: [Entry]

    public init(runs: [RegisterRun]) {
        format = Self.formatVersion
        apps = runs.compactMap { run in
            guard let app = run.appName else { return nil }
            return Entry(
                vendor: run.vendor ?? "", app: app, version: run.appVersion ?? "", platform: run.appPlatform ?? "",
                verdict: run.verdict, certified: run.verdict == .pass, spec: "\(run.specID)@\(run.specVersion)",
                date: run.validationTime, reportSHA256: run.reportSHA256, signedBy: run.signatureKID, run: run.id ?? 0)
        }
    }

    /// Sorted keys, pretty-printed, newline at the end: the same register gives the same bytes.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
