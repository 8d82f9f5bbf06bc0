import QRErrors

extension ExitStatus {
    /// The status a verdict exits with: pass 0, fail 1, error 2, inconclusive 3.
    public init(_ verdict: Verdict) {
        switch verdict {
        case .pass: self = .pass
        case .fail: self = .fail
        case .error: self = .error
        case .inconclusive: self = .inconclusive
        }
    }
}
