import QRConformance
import QRErrors
import Testing

/// Pins the one exit-status mapping: scripts and CI jobs branch on these numbers.
@Suite("the exit-status mapping")
struct ExitStatusTests {
    @Test(
        "each verdict exits with its status, through ExitStatus and CheckReport alike",
        arguments: [(Verdict.pass, 0), (.fail, 1), (.error, 2), (.inconclusive, 3)] as [(Verdict, Int32)])
    func verdictStatus(verdict: Verdict, code: Int32) {
        #expect(QRErrors.ExitStatus(verdict).rawValue == code)
        #expect(CheckReport.exitCode(for: verdict) == code)
    }

    @Test(
        "every status has its number, usage being EX_USAGE",
        arguments: [(QRErrors.ExitStatus.pass, 0), (.fail, 1), (.error, 2), (.inconclusive, 3), (.usage, 64)]
            as [(QRErrors.ExitStatus, Int32)])
    func statusNumber(status: QRErrors.ExitStatus, code: Int32) {
        #expect(status.rawValue == code)
    }

    @Test("the worst of several statuses follows the verdict order, not the numbers")
    func worst() {
        #expect(QRErrors.ExitStatus.pass.worst(.inconclusive) == .inconclusive)
        #expect(QRErrors.ExitStatus.inconclusive.worst(.fail) == .fail)
        #expect(QRErrors.ExitStatus.error.worst(.inconclusive) == .error)
        #expect(QRErrors.ExitStatus.error.worst(.usage) == .usage)
    }
}
