/// The one mapping of outcomes to process exit statuses: 0 pass, 1 fail, 2 error, 3 inconclusive, 64 usage.
///
/// Ordered by severity, not by number (pass < inconclusive < fail < error < usage), so `worst` of several results is
/// the status to exit with.
public enum ExitStatus: Int32, Sendable, CaseIterable, Comparable {
    /// Conformant: every required rule passed.
    case pass = 0
    /// Non-conformant: a rule failed (or, for `decode`, an image has no QR code).
    case fail = 1
    /// A harness or input error (`QRError`): nothing was judged, or not everything.
    case error = 2
    /// Nothing failed, but a required rule could not be judged.
    case inconclusive = 3
    /// The command line could not be parsed (EX_USAGE).
    case usage = 64

    private var severity: Int {
        switch self {
        case .pass: 0
        case .inconclusive: 1
        case .fail: 2
        case .error: 3
        case .usage: 4
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.severity < rhs.severity }

    /// The more severe of two statuses.
    public func worst(_ other: Self) -> Self { max(self, other) }
}
