#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation

/// One worker process of the batch driver: the same binary, fed jobs on stdin, answering frames on stdout.
///
/// The driver owns the pipes and the process id; a crashed or hung worker is killed and replaced, and only
/// the image it was on is lost (as an error row).
final class WorkerProcess {
    let pid: pid_t
    private let input: Int32
    let output: Int32
    var buffer = Data()
    /// The job in progress and when it started.
    var current: (job: ImageJob, started: Date)?
    /// The worker said it loaded the spec and trust list (`QRC-READY`).
    var isReady = false
    /// Why the worker could not start, when it said so before exiting.
    var startFailure: String?

    init(executable: String, arguments: [String]) throws(BatchError) {
        var toChild: [Int32] = [0, 0]
        var fromChild: [Int32] = [0, 0]
        guard Self.closeOnExecPipe(&toChild) else { throw .spawnFailed("pipe: \(String(cString: strerror(errno)))") }
        guard Self.closeOnExecPipe(&fromChild) else {
            close(toChild[0]); close(toChild[1])
            throw .spawnFailed("pipe: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        let argv = [executable] + arguments
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var child: pid_t = 0
        var cEnv: [UnsafeMutablePointer<CChar>?] = Self.workerEnvironment().map { strdup($0) } + [nil]
        defer { for p in cEnv { free(p) } }
        let status = posix_spawn(&child, executable, &actions, nil, &cArgs, &cEnv)
        close(toChild[0])
        close(fromChild[1])
        guard status == 0 else {
            close(toChild[1]); close(fromChild[0])
            throw .spawnFailed("\(executable): \(String(cString: strerror(status)))")
        }
        pid = child
        input = toChild[1]
        output = fromChild[0]
    }

    /// The driver's environment; a crashing worker's Swift backtrace is off unless asked for, since the report
    /// already names the crash and a backtrace per crash would bury the run's own messages.
    private static func workerEnvironment() -> [String] {
        var environment = ProcessInfo.processInfo.environment
        if environment["SWIFT_BACKTRACE"] == nil { environment["SWIFT_BACKTRACE"] = "enable=no" }
        // One tesseract engine per worker; its OpenMP threads would otherwise fight the other workers for cores.
        if environment["OMP_THREAD_LIMIT"] == nil { environment["OMP_THREAD_LIMIT"] = "1" }
        return environment.map { "\($0.key)=\($0.value)" }.sorted()
    }

    /// A pipe whose ends other workers do not inherit (else a worker's EOF would never be seen).
    private static func closeOnExecPipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        return true
    }

    /// Sends a job; false when the worker is gone (its stdin is closed).
    func send(_ job: ImageJob) -> Bool {
        let written = sendFrame(WorkerFrame.encode(job: job))
        if written { current = (job, Date()) }
        return written
    }

    /// Writes a whole frame to the worker's stdin; false when the worker is gone.
    func sendFrame(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = write(input, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                offset += n
            }
            return true
        }
    }

    /// Reads what is available; false on end of file (the worker exited or crashed).
    func readAvailable() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = read(output, &chunk, chunk.count)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            buffer.append(contentsOf: chunk[0..<n])
            return true
        }
    }

    /// Kills the worker (if still running), reaps it and says how it ended.
    @discardableResult
    func terminate(kill force: Bool) -> String {
        close(input)
        if force { kill(pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        close(output)
        return Self.describe(status)
    }

    /// "exit status N" or "signal N (NAME)" for a wait status.
    static func describe(_ status: Int32) -> String {
        let signal = status & 0x7F
        if signal == 0 { return "exit status \((status >> 8) & 0xFF)" }
        let name = strsignal(signal).map { String(cString: $0) } ?? "unknown"
        return "signal \(signal) (\(name))"
    }
}

/// The batch driver could not run its workers.
public enum BatchError: Error, CustomStringConvertible {
    case spawnFailed(String)
    case noExecutable

    public var description: String {
        switch self {
        case .spawnFailed(let detail): "cannot start a worker process: \(detail)"
        case .noExecutable: "cannot find this program's own executable to start workers"
        }
    }
}
