#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import QRConformance

/// Reads each submission in a worker process of this binary (`qrconform read-submission`), so that a crash (a
/// signal) or a hang while parsing a crafted folder or zip costs that submission an `error` report and the other
/// submissions of the batch are still judged.
///
/// ```swift
/// let loader = IsolatedSubmissionLoader(executable: path, timeout: 30)
/// let read = loader.load(path: "crafted.zip", limits: .default)   // .failure(.readerCrashed) if it crashed
/// ```
public struct IsolatedSubmissionLoader: SubmissionLoader {
    public let executable: String
    /// Seconds reading one submission may take before its worker is killed.
    public let timeout: Double
    /// Whether other submissions are judged after this one (`certify`), which a failure's message then says.
    public let inBatch: Bool

    public init(executable: String, timeout: Double, inBatch: Bool = true) {
        self.executable = executable
        self.timeout = timeout
        self.inBatch = inBatch
    }

    /// The hidden command's arguments for one submission.
    public static func arguments(path: String, limits: SubmissionLimits) -> [String] {
        [
            "read-submission", "--max-entries", "\(limits.maxEntries)", "--max-total-bytes", "\(limits.maxTotalBytes)",
            "--max-archive-bytes", "\(limits.maxArchiveBytes)", "--", path,
        ]
    }

    public func load(path: String, limits: SubmissionLimits) -> Result<SubmissionContents, SubmissionError> {
        signal(SIGPIPE, SIG_IGN)
        let worker: WorkerProcess
        do {
            worker = try WorkerProcess(executable: executable, arguments: Self.arguments(path: path, limits: limits))
        } catch {
            return .failure(SubmissionError.submission(code: .readerCrashed, path: path, cause: error.description))
        }
        // Base64 makes the answer 4/3 of the files; anything far beyond the limits is not an honest answer.
        let (doubled, overflow) = max(limits.maxTotalBytes, limits.maxArchiveBytes).multipliedReportingOverflow(by: 2)
        let cap = overflow ? Int.max : doubled.addingReportingOverflow(1 << 20).partialValue
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                worker.terminate(kill: true)
                return .failure(
                    SubmissionError.submission(
                        code: .timedOut, path: path,
                        cause: "reading the submission timed out after \(BatchRunner.Pool.seconds(timeout)); "
                            + "the reader was stopped" + (inBatch ? " and the other submissions were still judged" : "")
                    ))
            }
            var fds = [pollfd(fd: worker.output, events: Int16(POLLIN), revents: 0)]
            let count = poll(&fds, 1, Int32(min(remaining, 3600) * 1000) + 1)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { continue }
            guard worker.readAvailable() else { break }
            if worker.buffer.count > cap {
                let how = worker.terminate(kill: true)
                return .failure(crashed(path, how: "answered more than \(cap) bytes, \(how)"))
            }
        }
        let how = worker.terminate(kill: false)
        guard let result = SubmissionReadFrame.decode(worker.buffer) else { return .failure(crashed(path, how: how)) }
        return result
    }

    private func crashed(_ path: String, how: String) -> SubmissionError {
        SubmissionError.submission(
            code: .readerCrashed, path: path,
            cause: "the submission reader crashed (\(how))"
                + (inBatch ? "; the other submissions were still judged" : ""))
    }
}
