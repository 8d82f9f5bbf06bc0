import ArgumentParser
import QRConformance

/// The harness's exit codes: 0 conformant, 1 non-conformant, 2 harness or input error, 64 usage.
enum ExitStatus: Int32, Comparable {
    case pass = 0
    case fail = 1
    case error = 2

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    func worst(_ other: Self) -> Self { max(self, other) }
}

extension ExitStatus {
    /// Ends the command with the verdict's exit status (0 pass, 1 fail, 2 error, 3 inconclusive) unless it passed.
    static func exit(for verdict: Verdict) throws {
        let code = CheckReport.exitCode(for: verdict)
        if code != 0 { throw ExitCode(code) }
    }
}
