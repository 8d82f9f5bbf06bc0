import ArgumentParser
import Foundation
import QRConformance
import QRHarness
import QRRun
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
        let recertification = RecertificationRun(
            spec: spec, testPlanPath: testPlan, trustListPath: trustList,
            validationTime: at.flatMap(ValidationTime.parse) ?? ValidationTime.now(), limits: limits.imageLimits,
            workers: try batch.workers())
        let result = try recertification.run(on: try RegisterOption.open(register.path, access: .readOnly))
        for line in result.skipped { Diagnostics.warn(line) }
        try Output.print(RegisterText.recertification(result.changes, spec: spec))
        if result.losesCertificationToFail { throw ExitCode(1) }
        if result.unjudged { throw ExitCode(2) }
    }
}
