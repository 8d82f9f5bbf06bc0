import ArgumentParser
import Foundation
import QRConformance
import QRHarness

/// The hidden worker of a batch: loads what the driver loaded, says `QRC-READY` (or why it cannot start), then
/// reads jobs on stdin and answers result frames on stdout.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Internal: a batch worker process.", shouldDisplay: false)

    @OptionGroup var common: CheckArguments
    @Option(help: .hidden) var expectSpecSha256: String?
    @Option(help: .hidden) var expectTrustListSha256: String?

    func run() throws {
        let faults = FaultInjection(environment: ProcessInfo.processInfo.environment)
        faults.applyOnStart()
        let checker: ImageChecker
        do {
            checker = try ImageChecker(options: try loadOptions())
        } catch {
            // The spec's, trust list's or tesseract's own message, which names the file and the cause.
            try StandardOutput.write(WorkerFrame.encodeStartFailure(String(describing: error)))
            throw ExitCode(2)
        }
        try StandardOutput.write(WorkerFrame.ready)
        while let line = readLine(strippingNewline: true) {
            guard let job = WorkerFrame.decodeJob(line: Data(line.utf8)) else { continue }
            faults.apply(to: job.path)
            try StandardOutput.write(WorkerFrame.encode(checker.judge(job)))
        }
    }

    /// The driver's options, refused unless the spec and trust list are the bytes the driver hashed for its report.
    private func loadOptions() throws -> CheckOptions {
        let options = try common.options()
        if let expected = expectSpecSha256, expected != options.spec.sha256 {
            throw WorkerStartFailure(
                reason:
                    "the spec \(options.spec.origin) changed while the run was going on (sha256 \(options.spec.sha256), "
                    + "the report names \(expected))")
        }
        if expectTrustListSha256 != options.trustListSHA256 {
            throw WorkerStartFailure(
                reason: "the trust list \(common.trustList ?? "(none)") changed while the run was going on (sha256 "
                    + "\(options.trustListSHA256 ?? "none"), the report names \(expectTrustListSha256 ?? "none"))")
        }
        return options
    }
}

/// Why a worker cannot judge for its driver.
struct WorkerStartFailure: Error, CustomStringConvertible {
    let reason: String

    var description: String { reason }
}
