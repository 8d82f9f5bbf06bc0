import Foundation
import QRConformance

/// The short per-submission summary `certify` prints: the verdict, then every failed or unjudged rule and every
/// screenshot error, one line each.
public enum SubmissionSummaryText {
    /// - Parameter colour: paint the verdict (for a terminal).
    public static func lines(_ report: SubmissionReport, folder: String, colour: Bool) -> [String] {
        let verdict = report.verdict.rawValue.uppercased()
        let painted: String
        if colour {
            let code =
                switch report.verdict {
                case .pass: "32"
                case .fail: "31"
                case .inconclusive: "35"
                case .error: "33"
                }
            painted = "\u{1B}[1;\(code)m\(verdict)\u{1B}[0m"
        } else {
            painted = verdict
        }
        var lines = ["\(report.submission.id): \(painted) (\(report.summary.images) screenshots) → \(folder)/"]
        if let error = report.error { lines.append("  error: \(error.message)") }
        for finding in report.findings where finding.outcome == .fail {
            lines.append("  \(finding.rule) fail: \(finding.message)")
        }
        for finding in report.findings where finding.blocksPass {
            lines.append("  \(finding.rule) inconclusive: \(finding.message)")
        }
        for image in report.images {
            if let error = image.error { lines.append("  \(image.file): error: \(error.message)") }
            for finding in image.findings where finding.outcome == .fail {
                lines.append("  \(image.file): \(finding.rule) fail: \(finding.message)")
            }
            for finding in image.findings where finding.blocksPass {
                let remedy = finding.remedy.map { "; to judge it: \($0)" } ?? ""
                lines.append("  \(image.file): \(finding.rule) inconclusive: \(finding.message)\(remedy)")
            }
        }
        return lines
    }
}
