import ArgumentParser
import Foundation
import QRConformance
import QRHarness
import QRRegister

/// `qrconform register`: query the centre's register, record reviews, publish the list of apps, re-certify under
/// another spec.
struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Query the certification register that certify --register writes.",
        discussion: """
            The register is one SQLite file (default \(RegisterOption.defaultPath)); back it up by copying that file \
            while no certify runs (or with sqlite3's .backup). Queries open it read-only and never create it.
            """,
        subcommands: [
            RegisterListCommand.self, RegisterShowCommand.self, RegisterReviewCommand.self, RegisterExportCommand.self,
            RegisterRecertifyCommand.self,
        ]
    )
}

struct RegisterFileOption: ParsableArguments {
    @Option(name: .customLong("register"), help: "The register file.")
    var path: String = RegisterOption.defaultPath
}

/// `register list`: one line per recorded run.
struct RegisterListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the recorded runs.")

    @OptionGroup var register: RegisterFileOption
    @Option(help: "Only apps whose name contains this text (case-insensitive).") var app: String?
    @Option(help: "Only runs with this verdict (pass, inconclusive, fail, error).") var verdict: Verdict?
    @Option(help: "Only runs recorded at or after this time (RFC 3339 or a date).") var since: String?

    func validate() throws {
        if let since, let message = ValidationTime.usageMessage(since) { throw ValidationError(message) }
    }

    func run() throws {
        let opened = try RegisterOption.open(register.path, access: .readOnly)
        let filter = Register.Filter(
            app: app, verdict: verdict, since: since.flatMap(ValidationTime.parse).map(CheckReport.timestamp))
        let runs = try RegisterOption.query { try opened.runs(filter) }
        let reviews = try opened.reviewsByRun()
        let rows = runs.map { run -> [String] in
            let id = String(run.id ?? 0)
            let spec = run.specID + "@" + run.specVersion
            let signed = run.signatureKID == nil ? "no" : "yes"
            let reviewed = ReviewedRun(run: run, reviews: run.id.flatMap { reviews[$0] } ?? [])
            return [
                id, run.recordedAt, run.vendor ?? "-", run.appLabel, spec, run.verdict.rawValue, Self.mark(reviewed),
                signed, String(run.reportSHA256.prefix(16)),
            ]
        }
        try Output.print(
            TextTable.render(
                header: ["RUN", "RECORDED", "VENDOR", "APP", "SPEC", "VERDICT", "REVIEWED", "SIGNED", "REPORT SHA256"],
                rows: rows))
    }

    /// `-` for a run nobody reviewed, else the effective verdict and how many rules a person decided, with
    /// `override` when a decision turned a machine fail into pass: `pass (2 rules, override)`.
    static func mark(_ reviewed: ReviewedRun) -> String {
        let count = reviewed.decisions.count
        guard count > 0 else { return "-" }
        let rules = count == 1 ? "1 rule" : "\(count) rules"
        return "\(reviewed.effectiveVerdict.rawValue) (\(rules)\(reviewed.overridden ? ", override" : ""))"
    }
}

extension Verdict: ExpressibleByArgument {}

/// `register show ID`: everything recorded about one run.
struct RegisterShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one recorded run.")

    @OptionGroup var register: RegisterFileOption
    @Argument(help: "The run id (register list shows them).") var id: Int64
    @Flag(help: "Print the run as JSON.") var json = false

    func run() throws {
        let opened = try RegisterOption.open(register.path, access: .readOnly)
        let reviewed = try RegisterOption.query { try opened.reviewedRun(id: id) }
        let run = reviewed.run
        if json {
            try StandardOutput.write(try ReportCoding.document(reviewed))
            return
        }
        var lines = [
            "run \(id): \(reviewed.effectiveVerdict.rawValue)"
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
        try Output.print(lines.joined(separator: "\n"))
    }
}

/// `register export`: the public list of apps, latest verdict per app and version.
struct RegisterExportCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case html, json }

    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the public list: the latest verdict of every app and version.")

    @OptionGroup var register: RegisterFileOption
    @Option(help: "html (a self-contained bilingual page) or json.") var format: Format = .json
    @Option(help: "The file to write (default: standard output).") var output: String?

    func run() throws {
        let opened = try RegisterOption.open(register.path, access: .readOnly)
        let list = PublicList(
            runs: try RegisterOption.query { try opened.latestPerApp() }, reviews: try opened.reviewsByRun())
        let bytes = format == .html ? PublicListHTML.render(list) : [UInt8](try list.jsonData())
        try Output.write(bytes, to: output)
    }
}
