/// Something that judges image jobs and hands back results in input order: in this process, or in worker
/// processes that contain crashes and hangs.
public protocol ImageJudge {
    func judge(_ jobs: [ImageJob], emit: (JudgedImage) throws -> Void, progress: (Int) -> Void) throws
}

/// Judges in this process with one checker: for tests and the library; a crash in C takes the process down.
public final class InProcessJudge: ImageJudge {
    private let checker: ImageChecker

    public init(checker: ImageChecker) {
        self.checker = checker
    }

    public func judge(_ jobs: [ImageJob], emit: (JudgedImage) throws -> Void, progress: (Int) -> Void) throws {
        for (done, job) in jobs.enumerated() {
            try emit(checker.judge(job))
            progress(done + 1)
        }
    }
}

/// Judges in worker processes of this binary (see `BatchRunner`).
public struct WorkerPoolJudge: ImageJudge {
    public let configuration: BatchConfiguration

    public init(configuration: BatchConfiguration) {
        self.configuration = configuration
    }

    public func judge(_ jobs: [ImageJob], emit: (JudgedImage) throws -> Void, progress: (Int) -> Void) throws {
        try BatchRunner.run(jobs: jobs, configuration: configuration, emit: emit, progress: progress)
    }
}
