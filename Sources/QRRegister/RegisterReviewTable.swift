import QRConformanceReports

/// The reviews part of `register show`: every review of the run, oldest first, then the verdicts before and after.
public enum RegisterReviewTable {
    /// No lines for a run nobody reviewed; else a blank line, the table and the effective verdict.
    public static func lines(_ reviewed: ReviewedRun) -> [String] {
        guard !reviewed.reviews.isEmpty else { return [] }
        let inForce = Set(reviewed.decisions.compactMap(\.id))
        let rows = reviewed.reviews.map { review -> [String] in
            [
                review.rule, review.machineStatus.rawValue, review.decision.rawValue, review.override ? "yes" : "no",
                inForce.contains(review.id ?? -1) ? "yes" : "no (later review)", oneLine(review.reviewer),
                review.reviewedAt,
                oneLine(review.reason),
            ]
        }
        let table = TextTable.render(
            header: ["REVIEWED RULE", "MACHINE", "DECISION", "OVERRIDE", "IN FORCE", "REVIEWER", "AT", "REASON"],
            rows: rows)
        let after = reviewed.overridden ? " (overrides a machine fail)" : ""
        return [
            "", table,
            "machine verdict    \(reviewed.run.verdict.rawValue)",
            "effective verdict  \(reviewed.effectiveVerdict.rawValue)\(after)",
        ]
    }

    /// Line breaks as spaces, so a multi-line reason keeps the table's rows apart.
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
