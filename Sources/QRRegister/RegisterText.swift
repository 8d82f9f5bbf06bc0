import QRConformance
import QRConformanceReports

/// The text the register commands print: `register list`'s table, `register show`'s run, and `register
/// recertify`'s verdicts then and now.
public enum RegisterText {
    /// One row per run, with the review mark (`RegisterText.mark`).
    /// `serve admin tokens`: one row per token, never a secret (the register holds none).
    public static func tokens(_ tokens: [ServiceToken]) -> String {
        let rows = tokens.map { token in
            [
                "\(token.id)", token.role.rawValue, token.vendor ?? "-", token.name, token.createdAt,
                token.revokedAt.map { "revoked \($0)" } ?? "active",
            ]
        }
        return TextTable.render(header: ["id", "role", "vendor", "name", "issued", "state"], rows: rows)
    }

    public static func list(_ runs: [RegisterRun], reviews: [Int64: [RuleReview]]) -> String {
        let rows = runs.map { run -> [String] in
            let id = String(run.id ?? 0)
            let spec = run.specID + "@" + run.specVersion
            let signed = run.signatureKID == nil ? "no" : "yes"
            let reviewed = ReviewedRun(run: run, reviews: run.id.flatMap { reviews[$0] } ?? [])
            return [
                id, run.recordedAt, run.vendor ?? "-", run.appLabel, spec, run.verdict.rawValue, mark(reviewed),
                signed, String(run.reportSHA256.prefix(16)),
            ]
        }
        return TextTable.render(
            header: ["RUN", "RECORDED", "VENDOR", "APP", "SPEC", "VERDICT", "REVIEWED", "SIGNED", "REPORT SHA256"],
            rows: rows)
    }

    /// `-` for a run nobody reviewed, else the effective verdict and how many rules a person decided, with
    /// `override` when a decision turned a machine fail into pass: `pass (2 rules, override)`.
    public static func mark(_ reviewed: ReviewedRun) -> String {
        let count = reviewed.decisions.count
        guard count > 0 else { return "-" }
        let rules = count == 1 ? "1 rule" : "\(count) rules"
        return "\(reviewed.effectiveVerdict.rawValue) (\(rules)\(reviewed.overridden ? ", override" : ""))"
    }

    /// Everything recorded about one run, its rule counts and its reviews.
    public static func show(_ reviewed: ReviewedRun) -> String {
        let run = reviewed.run
        var lines = [
            "run \(run.id ?? 0): \(reviewed.effectiveVerdict.rawValue)"
                + (reviewed.decisions.isEmpty ? "" : " (machine \(run.verdict.rawValue), after review)"),
            "  submission    \(run.submissionID) (\(run.submissionPath))",
            "  vendor        \(run.vendor ?? "-")",
            "  app           \(run.appLabel)",
            "  submission    sha256 \(run.submissionSHA256 ?? "-")\(run.archived ? " (archived)" : " (not archived)")",
            "  spec          \(run.specID)@\(run.specVersion) sha256 \(run.specSHA256)",
            "  test plan     \(run.testPlanPath) sha256 \(run.testPlanSHA256)",
            "  trust list    \(run.trustListPath ?? "-") sha256 \(run.trustListSHA256 ?? "-")",
            "  tool          \(run.toolName) \(run.toolVersion)",
            "  validated at  \(run.validationTime)",
            "  recorded at   \(run.recordedAt)",
            "  screenshots   \(run.summary.images): \(run.summary.pass) pass, \(run.summary.inconclusive) inconclusive, "
                + "\(run.summary.fail) fail, \(run.summary.error) error",
            "  report        sha256 \(run.reportSHA256)",
            "  signed        \(run.signatureKID.map { "key \($0)" } ?? "no")",
            "",
        ]
        lines.append(
            TextTable.render(
                header: ["RULE", "STATUS", "PASS", "FAIL", "WARN", "N/A", "INCONCLUSIVE"],
                rows: run.rules.map { rule in
                    [
                        rule.rule, rule.status.rawValue, "\(rule.pass)", "\(rule.fail)", "\(rule.warn)",
                        "\(rule.notApplicable)", "\(rule.inconclusive)",
                    ]
                }))
        lines += RegisterReviewTable.lines(reviewed)
        return lines.joined(separator: "\n")
    }

    /// Per app, the verdict then and now with the rules that flip, and the apps that would lose certification.
    public static func recertification(_ changes: [Recertification], spec: String) -> String {
        var lines: [String] = []
        lines.append(
            TextTable.render(
                header: ["RUN", "APP", "VENDOR", "THEN", "NOW", "FLIPS"],
                rows: changes.map { change in
                    [
                        "\(change.run)", change.app, change.vendor ?? "-",
                        "\(change.then.rawValue) (\(change.thenSpec))",
                        "\(change.now.rawValue) (\(change.nowSpec))", "\(change.flips.count)",
                    ]
                }))
        for change in changes where !change.flips.isEmpty {
            lines.append("\(change.app):")
            for flip in change.flips {
                lines.append(
                    "  \(flip.rule): \(flip.then?.rawValue ?? "(not in \(change.thenSpec))") → "
                        + "\(flip.now?.rawValue ?? "(not in \(change.nowSpec))")")
            }
        }
        let losing = changes.filter(\.losesCertification)
        if losing.isEmpty {
            lines.append("No certified app changes its verdict under \(spec).")
        } else {
            lines.append(
                "Certified now, but not under \(spec): "
                    + losing.map { "\($0.app) (\($0.now.rawValue))" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
