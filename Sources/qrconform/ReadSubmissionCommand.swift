import ArgumentParser
import Foundation
import QRConformance
import QRHarness

/// The hidden worker that reads one submission (folder or zip) and answers its contents on stdout, so a crash or
/// hang while parsing a crafted submission costs only that submission (see `IsolatedSubmissionLoader`).
struct ReadSubmissionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read-submission", abstract: "Internal: read one submission in a worker process.",
        shouldDisplay: false)

    @Option var maxEntries: Int = SubmissionLimits.default.maxEntries
    @Option var maxTotalBytes: Int = SubmissionLimits.default.maxTotalBytes
    @Option var maxArchiveBytes: Int = SubmissionLimits.default.maxArchiveBytes
    @Argument var path: String

    func run() throws {
        FaultInjection(environment: ProcessInfo.processInfo.environment, stage: .submissionRead).apply(to: path)
        let limits = SubmissionLimits(
            maxEntries: maxEntries, maxTotalBytes: maxTotalBytes, maxArchiveBytes: maxArchiveBytes)
        try StandardOutput.write(
            SubmissionReadFrame(InProcessSubmissionLoader().load(path: path, limits: limits)).encoded())
    }
}
