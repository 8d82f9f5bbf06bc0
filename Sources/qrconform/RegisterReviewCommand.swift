import ArgumentParser
import Foundation
import QRConformance
import QRHarness
import QRRegister

extension RuleReview.Decision: ExpressibleByArgument {}

/// `register review RUN --rule ID --decision pass|fail --reviewer NAME --reason TEXT`: record a person's decision on
/// one rule of a run, beside the machine's outcome, which stays as recorded.
struct RegisterReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Record a person's decision on one rule of a run (the machine's verdict is kept).",
        discussion: """
            The decision applies to every finding of the rule in the run (each screenshot's and the submission's). \
            Several reviews of one rule are all kept; the latest is the one in force. register show and the public \
            list show the machine's verdict, each review and the effective verdict. Turning a rule the machine \
            failed into pass needs --override and is shown as an override. Exit 0 recorded; 2 refused (unknown \
            run or rule, fail into pass without --override, a register that cannot be written), nothing recorded; \
            64 a malformed argument (empty reviewer or reason, a decision other than pass or fail, a bad --at).
            """
    )

    @OptionGroup var register: RegisterFileOption
    @Argument(help: "The run id (register list shows them).") var runID: Int64
    @Option(help: "The rule id, as in register show (e.g. DSP-002).") var rule: String
    @Option(help: "pass or fail.") var decision: RuleReview.Decision
    @Option(help: "Who decided (name as it should stand in the record).") var reviewer: String
    @Option(help: "Why: what the reviewer looked at and saw.") var reason: String
    @Flag(help: "Allow turning a rule the machine failed into pass; recorded and shown as an override.")
    var override = false
    @Option(help: "When the decision was made, RFC 3339 or a date; default now. Stored in UTC.") var at: String?

    func validate() throws {
        if let at, let message = ValidationTime.usageMessage(at) { throw ValidationError(message) }
        for (name, value) in [("--reviewer", reviewer), ("--reason", reason)]
        where value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("\(name) must not be empty: a review says who decided and why")
        }
    }

    func run() throws {
        let opened = try RegisterOption.openExisting(register.path)
        let time = at.flatMap(ValidationTime.parse) ?? ValidationTime.now()
        let review = try opened.review(
            RuleReview.Request(
                run: runID, rule: rule, decision: decision, reviewer: reviewer, reason: reason, override: override,
                at: CheckReport.timestamp(time)))
        let shown = try opened.reviewedRun(id: runID)
        let kind = review.override ? " (override)" : ""
        try Output.print(
            "run \(runID), rule \(rule): \(review.machineStatus.rawValue) by the machine, \(review.decision.rawValue) "
                + "by \(review.reviewer) at \(review.reviewedAt)\(kind), recorded as review \(review.id ?? 0); "
                + "verdict: machine \(shown.run.verdict.rawValue), effective \(shown.effectiveVerdict.rawValue)")
    }
}
