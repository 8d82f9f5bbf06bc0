import ArgumentParser
import Foundation
import QRHarness

/// The options `check` and `certify` share: what to judge against, as of when, how much to show, and the limits.
struct JudgingOptions: ParsableArguments {
    @OptionGroup var spec: SpecOptions
    @Option(
        help:
            "Validation time, RFC 3339 (2026-01-02T03:04:05Z, 2026-01-02T10:04:05+07:00) or a date (2026-01-02, midnight UTC); default now."
    ) var at: String?
    @Flag(help: "Show ID number, birth date, phone and insurance number in full (default: masked).")
    var revealPersonalData = false
    @OptionGroup var limits: LimitOptions

    func validate() throws {
        if let at, let message = ValidationTime.usageMessage(at) { throw ValidationError(message) }
    }

    /// `--at`, or now.
    var validationTime: Date { at.flatMap(ValidationTime.parse) ?? ValidationTime.now() }
}
