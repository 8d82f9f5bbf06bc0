import QRConformance
import QRConformanceReports

/// The text `vectors verify` and `vectors coverage` print.
public enum VectorsReport {
    public static func verification(_ v: VectorVerification, origin: String, all: Bool) -> String {
        var lines = ["spec \(v.specID) \(v.specVersion) (\(origin))"]
        let rows = v.summaries.map {
            ["\($0.area)", "\($0.vectors)", "\($0.assertions)", "\($0.mismatches)"]
        }
        let total = [
            "total", "\(v.summaries.map(\.vectors).reduce(0, +))", "\(v.assertions.count)",
            "\(v.mismatches.count)",
        ]
        lines.append(
            TextTable.render(
                header: ["area", "vectors", "assertions", "mismatches"], rows: rows + [total]))
        for area in v.areasWithoutExpectations {
            lines.append(
                "NO EXPECTATIONS  area \(area) has no expectations for \(v.specID) \(v.specVersion)")
        }
        let shown = all ? v.assertions : v.mismatches
        if !shown.isEmpty {
            let table = shown.map { a in
                [
                    a.matches ? "ok" : "MISMATCH", a.area, a.vector, a.rule, a.expected.description,
                    a.actual.description, a.message,
                ]
            }
            lines.append(
                TextTable.render(
                    header: ["", "area", "vector", "rule", "expected", "actual", "message"], rows: table))
        }
        lines.append(
            v.passed ? "ok: every assertion holds" : "FAILED: \(v.mismatches.count) mismatches")
        return lines.joined(separator: "\n")
    }

    public static func coverage(_ c: VectorCoverage) -> String {
        let rows = c.rows.map { row in
            [
                row.rule, "\(row.positive.count)", "\(row.negative.count)",
                row.needsInconclusive ? "\(row.inconclusive.count)" : "-",
                row.covered ? "ok" : "MISSING " + missing(row),
            ]
        }
        var lines = ["coverage of \(c.specID) \(c.specVersion)"]
        lines.append(TextTable.render(header: ["rule", "passing", "failing", "inconclusive", ""], rows: rows))
        lines.append(
            c.gaps.isEmpty
                ? "ok: every rule has a passing and a failing vector, and an inconclusive one where it can be"
                : "FAILED: \(c.gaps.count) rules lack a direction: "
                    + c.gaps.map(\.rule).joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    private static func missing(_ row: VectorCoverage.Row) -> String {
        [
            row.positive.isEmpty ? "a passing vector" : nil,
            row.negative.isEmpty ? "a failing vector" : nil,
            row.needsInconclusive && row.inconclusive.isEmpty ? "an inconclusive vector" : nil,
        ]
        .compactMap { $0 }.joined(separator: " and ")
    }
}
