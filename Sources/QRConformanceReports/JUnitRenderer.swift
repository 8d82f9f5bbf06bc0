import QRConformance

/// Renders a report as JUnit XML: one testsuite per group (submission rules, each screenshot), one testcase per rule.
///
/// `fail` becomes `<failure>`; `inconclusive` and `not_applicable` `<skipped>` (neither passed nor failed; the
/// message says which, and for inconclusive what would make it judgeable, with the evidence in `<system-out>`); `warn` a passing case with the warning in
/// `<system-out>`; an image the harness could not judge one `<error>` case. Each suite carries its verdict as a
/// property, and a screenshot judged for its display mode how much of its text was read. No wall-clock time: same report, same bytes.
public enum JUnitRenderer {
    public static func render(_ view: ReportView) -> [UInt8] {
        var suites: [String] = []
        var totals = (tests: 0, failures: 0, errors: 0, skipped: 0)
        for group in view.groups {
            var cases: [String] = []
            var counts = (failures: 0, errors: 0, skipped: 0)
            let className = MarkupEscaping.escape(group.name)
            if let error = group.error {
                counts.errors += 1
                cases.append(
                    "    <testcase classname=\"\(className)\" name=\"harness\" time=\"0\">\n"
                        + "      <error message=\"\(MarkupEscaping.escape(error.message))\" "
                        + "type=\"\(MarkupEscaping.escape(error.code.rawValue))\"/>\n    </testcase>")
            }
            for (finding, name) in zip(group.findings, ReportView.caseNames(group.findings)) {
                let title = view.rules[finding.rule].map { " — " + $0.title.en } ?? ""
                let open =
                    "    <testcase classname=\"\(className)\" name=\"\(MarkupEscaping.escape(name + title))\" time=\"0\""
                let message = MarkupEscaping.escape(finding.message)
                switch finding.outcome {
                case .pass:
                    cases.append(open + "/>")
                case .warn:
                    cases.append(open + ">\n      <system-out>warning: \(message)</system-out>\n    </testcase>")
                case .notApplicable:
                    counts.skipped += 1
                    cases.append(open + ">\n      <skipped message=\"not applicable: \(message)\"/>\n    </testcase>")
                case .inconclusive:
                    counts.skipped += 1
                    let remedy = finding.remedy.map { "; to judge it: " + MarkupEscaping.escape($0) } ?? ""
                    let crops =
                        view.rules[finding.rule]?.area == .display && (group.screenText?.linesFound ?? 0) > 0
                        ? Self.cropsNote : ""
                    let body = evidence(finding.evidence)
                    let out =
                        body.isEmpty
                        ? "" : "\n      <system-out>" + MarkupEscaping.escape(body + crops) + "</system-out>"
                    cases.append(
                        open
                            + ">\n      <skipped message=\"inconclusive: \(message)\(remedy)\"/>\(out)\n    </testcase>"
                    )
                case .fail:
                    counts.failures += 1
                    cases.append(
                        open + ">\n      <failure message=\"\(message)\" type=\"\(finding.rule)\">"
                            + MarkupEscaping.escape(evidence(finding.evidence)) + "</failure>\n    </testcase>")
                }
            }
            totals.tests += cases.count
            totals.failures += counts.failures
            totals.errors += counts.errors
            totals.skipped += counts.skipped
            suites.append(
                "  <testsuite name=\"\(className)\" tests=\"\(cases.count)\" failures=\"\(counts.failures)\" "
                    + "errors=\"\(counts.errors)\" skipped=\"\(counts.skipped)\" time=\"0\" "
                    + "timestamp=\"\(MarkupEscaping.escape(timestamp(view.validationTime)))\">\n"
                    + "    <properties><property name=\"verdict\" value=\"\(group.verdict.rawValue)\"/>"
                    + (group.screenText.map(Self.coverage) ?? "")
                    + (view.testOnly.map { "<property name=\"test_only\" value=\"\(MarkupEscaping.escape($0))\"/>" }
                        ?? "")
                    + "</properties>\n"
                    + cases.map { $0 + "\n" }.joined() + "  </testsuite>")
        }
        let header =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"\(MarkupEscaping.escape(view.title))\" "
            + "tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" errors=\"\(totals.errors)\" "
            + "skipped=\"\(totals.skipped)\" time=\"0\">\n"
        return Array((header + suites.map { $0 + "\n" }.joined() + "</testsuites>\n").utf8)
    }

    /// Where a reviewer finds the crops of the regions an inconclusive display finding names.
    static let cropsNote =
        "\ncrops: the HTML report (--format html) shows each region named here, masked, for qrconform register review"

    /// How much of the screen's text was read, as suite properties: lines and glyphs read of those found, and the
    /// boxes of the lines not read in full.
    static func coverage(_ text: ScreenTextSummary) -> String {
        let unread = text.unreadLines.map { "x \($0.left)–\($0.right), y \($0.top)–\($0.bottom)" }
        return "<property name=\"screen_text_lines_read\" value=\"\(text.linesRead) of \(text.linesFound)\"/>"
            + "<property name=\"screen_text_glyphs_read\" value=\"\(text.glyphsRead) of \(text.glyphsFound)\"/>"
            + (unread.isEmpty
                ? ""
                : "<property name=\"screen_text_unread_lines\" value=\""
                    + MarkupEscaping.escape(unread.joined(separator: "; ")) + "\"/>")
    }

    /// Measured value, limit and where, for the failure body.
    static func evidence(_ evidence: Evidence) -> String {
        [("measured", evidence.measured), ("limit", evidence.limit), ("where", evidence.location)]
            .compactMap { label, value in value.map { "\(label): \($0)" } }.joined(separator: "\n")
    }

    /// JUnit's timestamp has no zone designator: `2026-01-02T03:04:05Z` becomes `2026-01-02T03:04:05`.
    static func timestamp(_ text: String) -> String {
        text.hasSuffix("Z") ? String(text.dropLast()) : text
    }
}
