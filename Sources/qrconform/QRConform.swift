import ArgumentParser
import QRHarness
import Foundation
import QRErrors

@main
struct QRConform: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qrconform",
        abstract: "Conformance suite for Vietnam's unified personal QR code (guidance 1405/QĐ-BTTTT v1.1).",
        discussion: """
            Exit status of check, certify and merge: 0 conformant, 1 a rule failed, 2 a harness or input error, \
            3 inconclusive (nothing failed, but a required rule could not be judged; each such finding says what \
            would make it judgeable), 64 usage error.
            """,
        subcommands: [
            DecodeCommand.self, CheckCommand.self, CertifyCommand.self, MergeCommand.self, SpecCommand.self,
            VectorsCommand.self, DevicesCommand.self, WorkerCommand.self, ReadSubmissionCommand.self,
            ProfileCommand.self, LadderCommand.self,
            VerifyReportCommand.self, RegisterCommand.self, ServeCommand.self,
        ]
    )

    /// Runs the command. Errors map to `ExitStatus`: a `QRError` (spec, trust list, submission, image, vectors,
    /// register, signing key) or any other error that reaches here (a report that cannot be written, ...) prints its
    /// message and exits 2, where ArgumentParser would exit 1, which means "a rule failed"; ArgumentParser's own
    /// usage errors exit 64 (`ExitStatus.usage`, EX_USAGE).
    static func main() {
        StandardOutput.guardClosedDescriptors()
        // A reader that went away (`| head`) is a write error with a message, not a silent death by SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let nonUTF8 = NonUTF8Argument.find(in: NonUTF8Argument.processArguments())
        guard nonUTF8.isEmpty else {
            for argument in nonUTF8 { Diagnostics.warn(argument.description) }
            Foundation.exit(ExitStatus.error.rawValue)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as QRError {
            Diagnostics.warn(error.description)
            Foundation.exit(ExitStatus.error.rawValue)
        } catch {
            if !(error is ExitCode), exitCode(for: error) == .failure {
                Diagnostics.warn(String(describing: error))
                Foundation.exit(ExitStatus.error.rawValue)
            }
            exit(withError: error)
        }
    }
}
