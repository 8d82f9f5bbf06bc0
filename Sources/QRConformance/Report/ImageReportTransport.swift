import QRSymbol
import QRText

/// An image's row as a worker sends it to its driver: the row as the report writes it, plus for each finding what
/// the report leaves out and the driver needs (the symbol index for ordering, the screen box and unread regions for
/// overlays and crops).
public struct ImageReportTransport: Sendable, Equatable, Codable {
    /// What the report leaves out of one finding.
    public struct FindingDetails: Sendable, Equatable, Codable {
        public let symbol: Int?
        public let box: RecognizedWord.Box?
        public let regions: [RecognizedWord.Box]?
    }

    /// The row as the report encodes it.
    public let report: ImageReport
    /// One entry per finding of `report`, in the same order.
    public let findings: [FindingDetails]

    /// The row to send.
    public init(_ report: ImageReport) {
        self.report = report
        findings = report.findings.map {
            FindingDetails(symbol: $0.symbol, box: $0.evidence.box, regions: $0.evidence.regions)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case report, findings
    }

    /// Refuses details that do not pair one to one with the row's findings.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        report = try container.decode(ImageReport.self, forKey: .report)
        findings = try container.decode([FindingDetails].self, forKey: .findings)
        guard findings.count == report.findings.count else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: container.codingPath + [CodingKeys.findings],
                    debugDescription: "\(findings.count) finding details for \(report.findings.count) findings"))
        }
    }

    /// The row as the worker judged it, the details put back into its findings.
    public var restored: ImageReport {
        let findings = zip(report.findings, findings).map { finding, details in
            Finding(
                rule: finding.rule, outcome: finding.outcome, severity: finding.severity, message: finding.message,
                evidence: Evidence(
                    measured: finding.evidence.measured, limit: finding.evidence.limit,
                    where: finding.evidence.location, screenBox: details.box, regions: details.regions),
                symbol: details.symbol, remedy: finding.remedy)
        }
        return report.replacingFindings(findings)
    }
}

extension ImageReport {
    /// The same row with other findings in the same order (their details restored after transport).
    fileprivate func replacingFindings(_ findings: [Finding]) -> ImageReport {
        ImageReport(
            file: file, sha256: sha256, verdict: verdict, error: error, symbols: symbols, payload: payload,
            findings: findings, screenText: screenText)
    }
}
