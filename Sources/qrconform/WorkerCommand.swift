import ArgumentParser
import Foundation
import QRConformance
import QRHarness

/// The hidden worker of a batch: reads jobs on stdin, judges each image, answers result frames on stdout.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Internal: a batch worker process.", shouldDisplay: false)

    @OptionGroup var common: CheckArguments

    func run() throws {
        let checker = try ImageChecker(options: try common.options())
        let faults = FaultInjection(environment: ProcessInfo.processInfo.environment)
        while let line = readLine(strippingNewline: true) {
            guard let job = WorkerFrame.decodeJob(line: Data(line.utf8)) else { continue }
            faults.apply(to: job.path)
            try StandardOutput.write(WorkerFrame.encode(checker.judge(job)))
        }
    }
}
