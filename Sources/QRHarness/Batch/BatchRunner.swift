#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import QRConformance

/// How a batch runs: worker count, per-image time limit, how to start a worker and what to configure it with.
public struct BatchConfiguration: Sendable {
    public var jobs: Int
    /// Seconds one image may take in a worker before the worker is killed and the image marked timed out.
    public var imageTimeout: Double
    public var executable: String
    /// Sent to every worker as its first frame; the worker judges with nothing else.
    public var worker: WorkerConfiguration

    public init(jobs: Int, imageTimeout: Double, executable: String, worker: WorkerConfiguration) {
        self.jobs = jobs
        self.imageTimeout = imageTimeout
        self.executable = executable
        self.worker = worker
    }
}

/// Runs images through worker processes in parallel and hands the rows back in input order.
///
/// A worker that crashes (a signal in zbar or libpng) or exceeds the time limit is killed and replaced;
/// its image gets an `error` row and every other image is still judged, so no result is lost. Memory is
/// bounded by the workers: the driver keeps only rows that arrived ahead of their turn.
public enum BatchRunner {
    /// Runs the jobs (their `index` must be their position) and emits each result in order.
    public static func run(
        jobs: [ImageJob], configuration: BatchConfiguration, emit: (JudgedImage) throws -> Void,
        progress: (Int) -> Void = { _ in }
    ) throws {
        signal(SIGPIPE, SIG_IGN)
        let frame = try WorkerFrame.encode(configuration: configuration.worker)
        var pool = Pool(configuration: configuration, jobs: jobs, frame: frame)
        defer { pool.shutdown() }
        var next = 0
        while next < jobs.count {
            pool.assignIdle()
            pool.waitForEvents()
            while let result = pool.ready.removeValue(forKey: next) {
                try emit(result)
                next += 1
                progress(next)
            }
        }
    }

    /// The workers and the jobs in flight.
    struct Pool {
        let configuration: BatchConfiguration
        let jobs: [ImageJob]
        /// The configuration frame every new worker is sent first.
        let frame: Data
        var workers: [WorkerProcess?]
        var queued = 0
        var ready: [Int: JudgedImage] = [:]

        init(configuration: BatchConfiguration, jobs: [ImageJob], frame: Data) {
            self.configuration = configuration
            self.jobs = jobs
            self.frame = frame
            workers = Array(repeating: nil, count: max(1, min(configuration.jobs, jobs.count)))
        }

        mutating func assignIdle() {
            for slot in workers.indices where queued < jobs.count && workers[slot]?.current == nil {
                if workers[slot] == nil {
                    let worker: WorkerProcess
                    do {
                        worker = try WorkerProcess(executable: configuration.executable, arguments: ["worker"])
                    } catch {
                        failRemaining(code: .workerUnavailable, reason: error.description)
                        return
                    }
                    workers[slot] = worker
                    // A worker gone before it read its configuration could not start; its slot fails what is left.
                    guard worker.sendFrame(frame) else {
                        workerDied(slot)
                        continue
                    }
                }
                guard let worker = workers[slot] else { continue }
                let job = jobs[queued]
                queued += 1
                if !worker.send(job) { workerDied(slot) }
            }
        }

        /// Waits until a busy worker answers, dies or runs out of time, and handles it.
        mutating func waitForEvents() {
            let busy = workers.indices.filter { workers[$0]?.current != nil }
            guard !busy.isEmpty else { return }
            let now = Date()
            let remaining =
                busy.compactMap { workers[$0]?.current?.started }
                .map { $0.addingTimeInterval(configuration.imageTimeout).timeIntervalSince(now) }.min() ?? 0
            var fds = busy.compactMap { slot in
                workers[slot].map { pollfd(fd: $0.output, events: Int16(POLLIN), revents: 0) }
            }
            let timeout = Int32(max(0, min(remaining, 3600)) * 1000) + 1
            let count = poll(&fds, nfds_t(fds.count), timeout)
            if count > 0 {
                for (position, slot) in busy.enumerated() where fds[position].revents != 0 {
                    readFrom(slot)
                }
            }
            let after = Date()
            for slot in busy {
                guard let worker = workers[slot], let current = worker.current,
                    after.timeIntervalSince(current.started) >= configuration.imageTimeout
                else { continue }
                worker.terminate(kill: true)
                workers[slot] = nil
                record(
                    current.job, code: .timedOut,
                    message: "\(current.job.path): timed out after \(Self.seconds(configuration.imageTimeout)); "
                        + "the worker was stopped and the other images were still judged")
            }
        }

        private mutating func readFrom(_ slot: Int) {
            guard let worker = workers[slot] else { return }
            guard worker.readAvailable() else { return workerDied(slot) }
            do {
                while let message = try WorkerFrame.take(from: &worker.buffer) {
                    switch message {
                    case .ready:
                        worker.isReady = true
                    case .startFailed(let reason):
                        worker.startFailure = reason
                    case .judged(let result):
                        ready[result.index] = result
                        if worker.current?.job.index == result.index { worker.current = nil }
                    }
                }
            } catch {
                workerDied(slot)
            }
        }

        /// A worker that ended: a crash costs the image it was on; one that never got ready (it could not load
        /// the spec or trust list, or they were not the bytes this run hashed) fails every image not yet judged,
        /// since its replacements would fail the same way.
        private mutating func workerDied(_ slot: Int) {
            guard let worker = workers[slot] else { return }
            let how = worker.terminate(kill: true)
            workers[slot] = nil
            guard worker.isReady else {
                let reason = "the worker process could not start (" + (worker.startFailure ?? how) + ")"
                if let current = worker.current {
                    record(current.job, code: .workerFailed, message: "\(current.job.path): \(reason)")
                }
                failRemaining(code: .workerFailed, reason: reason)
                return
            }
            if let current = worker.current {
                record(
                    current.job, code: .decoderCrashed,
                    message: "\(current.job.path): decoder crashed (\(how)); the other images were still judged")
            }
        }

        private mutating func failRemaining(code: ImageError.RunCode, reason: String) {
            while queued < jobs.count {
                record(jobs[queued], code: code, message: "\(jobs[queued].path): \(reason)")
                queued += 1
            }
        }

        private mutating func record(_ job: ImageJob, code: ImageError.RunCode, message: String) {
            ready[job.index] = .error(job, code: code, message: message)
        }

        func shutdown() {
            for worker in workers.compactMap({ $0 }) { worker.terminate(kill: worker.current != nil) }
        }

        static func seconds(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e9 ? "\(Int(value)) s" : "\(value) s"
        }
    }
}
