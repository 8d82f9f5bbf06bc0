import ArgumentParser
import Foundation
import QRConformance
import QRHarness

/// `qrconform check IMAGE...`: judge screenshots against the spec and write a report.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check PNG screenshots against the spec and write a JSON report.",
        discussion: "Exit status: 0 every image passes (warnings allowed), 1 some image fails, 2 harness or input error."
    )

    @Argument(help: "PNG screenshots to check.") var images: [String]
    @OptionGroup var spec: SpecOptions
    @Option(help: "Validation time, ISO 8601 (e.g. 2026-01-02T03:04:05Z) or a date; default now.") var at: String?
    @Option(help: "Trust list (JWKS) of the keys that may sign payloads; required when the spec requires signatures.")
    var trustList: String?
    @Option(help: "Screen pixel density in pixels per inch; overrides the PNG's pHYs chunk.") var ppi: Double?
    @Option(help: "Report format: json.") var format: String = "json"
    @Option(help: "Write the report to this file instead of stdout.") var output: String?
    @Flag(help: "Show ID number, birth date, phone and insurance number in full (default: masked).")
    var revealPersonalData = false
    @OptionGroup var limits: LimitOptions

    func validate() throws {
        guard format == "json" else { throw ValidationError("unknown report format '\(format)'; supported: json") }
        if let at, ValidationTime.parse(at) == nil {
            throw ValidationError("--at '\(at)' is not an ISO 8601 time such as 2026-01-02T03:04:05Z")
        }
        if let ppi, !(ppi > 0 && ppi.isFinite) { throw ValidationError("--ppi must be a positive number") }
    }

    func run() throws {
        let loaded = try spec.load()
        let trust = try TrustListOption.load(trustList)
        let options = CheckOptions(
            spec: loaded, validationTime: at.flatMap(ValidationTime.parse) ?? ValidationTime.now(), ppiOverride: ppi,
            revealPersonalData: revealPersonalData, limits: limits.imageLimits, trustList: trust?.trustList,
            trustListSHA256: trust?.sha256)
        let runErrors = [options.missingTrustListError].compactMap { $0 }
        for error in runErrors { Diagnostics.warn(error.message) }
        let checker = try ImageChecker(options: options, concurrentPasses: true)
        let rows = images.map { checker.check(path: $0) }
        for row in rows { if let error = row.error { Diagnostics.warn(error.message) } }
        let report = CheckReport(
            tool: .init(name: Harness.toolName, version: Harness.toolVersion), spec: loaded,
            validationTime: options.validationTime, images: rows, errors: runErrors,
            trustListSHA256: options.trustListSHA256)
        try Output.write([UInt8](report.jsonData()), to: output)
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
