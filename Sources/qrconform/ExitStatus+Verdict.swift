import ArgumentParser
import QRConformance
import QRErrors

extension ExitStatus {
    /// Ends the command with the verdict's exit status (`ExitStatus(verdict)`) unless it passed.
    static func exit(for verdict: Verdict) throws {
        let status = ExitStatus(verdict)
        if status != .pass { throw ExitCode(status.rawValue) }
    }
}
