import ArgumentParser
import Foundation
import QRConformance
import QRHarness

/// The hidden worker of a batch: reads the driver's configuration frame, says `QRC-READY` (or why it cannot
/// start), then reads jobs on stdin and answers result frames on stdout.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Internal: a batch worker process.", shouldDisplay: false)

    func run() throws {
        let faults = FaultInjection(environment: ProcessInfo.processInfo.environment)
        faults.applyOnStart()
        let checker: ImageChecker
        do {
            checker = try ImageChecker(options: try WorkerFrame.readConfiguration().options())
        } catch {
            // The frame's, spec's, trust list's or tesseract's own message, which names the file and the cause.
            try StandardOutput.write(WorkerFrame.encodeStartFailure(String(describing: error)))
            throw ExitCode(2)
        }
        try StandardOutput.write(WorkerFrame.ready)
        while let job = WorkerFrame.readJob() {
            faults.apply(to: job.path)
            try StandardOutput.write(WorkerFrame.encode(checker.judge(job)))
        }
    }
}
