import Foundation
import QRConformance

/// The public list of apps: the latest verdict of every app and version in the register, with the spec it was
/// judged under, the date and the digest of its report, so anyone holding a report can match it.
///
/// The verdict is the effective one (`ReviewedRun.effectiveVerdict`): where a person decided a rule the machine
/// could not judge, the entry says so (`reviewed_rules`, `decided_by_review`), beside the machine's own verdict;
/// a decision that turned a machine `fail` into `pass` is listed in `overridden_rules`. Format 2 (format 1 had no
/// reviews, and its `verdict` was the machine's).
///
/// ```swift
/// let list = PublicList(runs: try register.latestPerApp(), reviews: try register.reviewsByRun())
/// let json = try list.jsonData()
/// ```
public struct PublicList: Sendable, Equatable, Encodable {
    public static let formatVersion = 2

    public struct Entry: Sendable, Equatable, Encodable {
        public let vendor: String
        public let app: String
        public let version: String
        public let platform: String
        /// The effective verdict: the machine's, with the rules a person reviewed decided by that review.
        public let verdict: Verdict
        /// The verdict the machine gave, as recorded.
        public let machineVerdict: Verdict
        /// Whether a review made the verdict differ from the machine's.
        public let decidedByReview: Bool
        /// The rules whose outcome a review decided (latest decision per rule), sorted.
        public let reviewedRules: [String]
        /// The reviewed rules whose decision turned a machine `fail` into `pass`, sorted.
        public let overriddenRules: [String]
        /// Whether the effective verdict is `pass`: the app and version are certified.
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
            case machineVerdict = "machine_verdict"
            case decidedByReview = "decided_by_review"
            case reviewedRules = "reviewed_rules"
            case overriddenRules = "overridden_rules"
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
            try container.encode(machineVerdict, forKey: .machineVerdict)
            try container.encode(decidedByReview, forKey: .decidedByReview)
            try container.encode(reviewedRules, forKey: .reviewedRules)
            try container.encode(overriddenRules, forKey: .overriddenRules)
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

    /// The entries of `runs` (those naming an app), each with its reviews from `reviews` (by run id).
    public init(runs: [RegisterRun], reviews: [Int64: [RuleReview]] = [:]) {
        format = Self.formatVersion
        apps = runs.compactMap { run in
            guard let app = run.appName else { return nil }
            let reviewed = ReviewedRun(run: run, reviews: run.id.flatMap { reviews[$0] } ?? [])
            let verdict = reviewed.effectiveVerdict
            return Entry(
                vendor: run.vendor ?? "", app: app, version: run.appVersion ?? "", platform: run.appPlatform ?? "",
                verdict: verdict, machineVerdict: run.verdict, decidedByReview: reviewed.decidedByReview,
                reviewedRules: reviewed.decisions.map(\.rule),
                overriddenRules: reviewed.decisions.filter(\.override).map(\.rule),
                certified: verdict == .pass, spec: "\(run.specID)@\(run.specVersion)",
                date: run.validationTime, reportSHA256: run.reportSHA256, signedBy: run.signatureKID, run: run.id ?? 0)
        }
    }

    /// Sorted keys, pretty-printed, newline at the end: the same register gives the same bytes.
    public func jsonData() throws -> Data {
        try ReportCoding.document(self)
    }
}
