#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Test-only faults for the batch isolation tests: `QRCONFORM_TEST_FAULTS="crash=NAME;hang=NAME"` makes an image
/// worker crash (abort, as a failed assertion in a C library would) or hang on an image whose path contains NAME;
/// `crash-read=NAME` and `hang-read=NAME` do the same to the worker reading a submission whose path contains NAME;
/// `crash-start=1` makes an image worker abort before it says it is ready.
/// Without the variable nothing happens. (`raise(SIGSEGV)` is not used: the Swift backtracer returns from it.)
public struct FaultInjection {
    /// Which worker applies the faults: the one judging images or the one reading submissions.
    public enum Stage {
        case image
        case submissionRead

        var keys: (crash: String, hang: String) {
            switch self {
            case .image: ("crash", "hang")
            case .submissionRead: ("crash-read", "hang-read")
            }
        }
    }

    private var crash: String?
    private var hang: String?
    /// Abort while starting, before `QRC-READY`.
    private(set) var crashOnStart = false

    public init(environment: [String: String], stage: Stage = .image) {
        let keys = stage.keys
        for part in (environment["QRCONFORM_TEST_FAULTS"] ?? "").split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, !pair[1].isEmpty else { continue }
            if pair[0] == keys.crash { crash = pair[1] }
            if pair[0] == keys.hang { hang = pair[1] }
            if pair[0] == "crash-start", stage == .image { crashOnStart = true }
        }
    }

    public func applyOnStart() {
        if crashOnStart { abort() }
    }

    public func apply(to path: String) {
        if let crash, path.contains(crash) { abort() }
        if let hang, path.contains(hang) { while true { sleep(3600) } }
    }
}
