import ArgumentParser
import Foundation
import QRConformance
import QRHarness
import QRRegister

/// `register recertify --spec ID@VERSION`: judge every app's archived submission again under another spec and say
/// which certified apps it would fail: the spec-change gate applied to real submissions.
struct RegisterRecertifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recertify",
        abstract: "Judge the latest archived submission of every app again under another spec version.",
        discussion: """
            Prints, per app and version, the verdict then (its latest recorded run) and now (under --spec), with \
            the rules whose outcome flips. Nothing is recorded. A manifest may still name the spec it was \
            submitted under (SUB-001 accepts it): the vendor could not name a later one. Exit 1 when an app \
            certified now (latest verdict pass) would fail, 2 when a submission could not be judged again, else 0.
            """
    )

    @OptionGroup var register: RegisterFileOption
    @Option(help: "The spec to judge under: id@version (a bundled spec) or a rules.json path.") var spec: String
    @Option(help: "Test plan to judge with (default: the one each run records).") var testPlan: String?
    @Option(help: "Payload trust list to judge with (default: the one each run records).") var trustList: String?
    @Option(help: "Validation time, RFC 3339 or a date; default now.") var at: String?
    @OptionGroup var limits: LimitOptions
    @OptionGroup var batch: BatchOptions

    func validate() throws {
        if let at, let message = ValidationTime.usageMessage(at) { throw ValidationError(message) }
    }

    func run() throws {
        let opened = try RegisterOption.open(register.path, access: .readOnly)
        let latest = try RegisterOption.query { try opened.latestPerApp() }
        let time = at.flatMap(ValidationTime.parse) ?? ValidationTime.now()
        var certifiers: [String: SubmissionCertifier] = [:]
        var changes: [Recertification] = []
        var unjudged = false
        for run in latest {
            guard let contents = try RegisterOption.query({ try opened.contents(of: run) }) else {
                Diagnostics.warn(
                    "run \(run.id ?? 0) (\(run.appLabel)): the submission is not archived; not judged again")
                unjudged = true
                continue
            }
            guard let trust = trustList ?? run.trustListPath else {
                Diagnostics.warn("run \(run.id ?? 0) (\(run.appLabel)): no trust list recorded; give --trust-list")
                unjudged = true
                continue
            }
            let plan = testPlan ?? run.testPlanPath
            let key = plan + "\u{0}" + trust
            if certifiers[key] == nil {
                let setup = CertifierSetup(
                    specIDOrPath: spec, testPlanPath: plan, trustListPath: trust, validationTime: time, limits: limits,
                    batch: batch)
                certifiers[key] = try setup.make().certifier
            }
            guard let certifier = certifiers[key] else { continue }
            let digest = run.submissionPath.lowercased().hasSuffix(".zip") ? run.submissionSHA256 : nil
            certifier.alsoAcceptedSpecNames = ["\(run.specID)@\(run.specVersion)"]
            let report = certifier.certify(.success(contents), path: run.submissionPath, fileSHA256: digest).report
            if report.verdict == .error { unjudged = true }
            changes.append(Recertification(then: run, now: report))
        }
        try print(changes)
        if changes.contains(where: { $0.losesCertification && $0.now == .fail }) { throw ExitCode(1) }
        if unjudged { throw ExitCode(2) }
    }

    private func print(_ changes: [Recertification]) throws {
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
        try Output.print(lines.joined(separator: "\n"))
    }
}
