import Foundation
import GRDB
import QRConformance

extension Register {
    /// Queues a job of a valid token and returns it, or returns nil, writing nothing, when `limit` jobs or more are
    /// queued or running already: counted in the same immediate transaction, so concurrent submitters cannot overshoot.
    public func enqueue(
        vendor: String, tokenID: Int64, mode: ServiceJob.Mode, uploadSHA256: String, uploadSize: Int64, at: String,
        limit: Int
    ) throws(RegisterError) -> ServiceJob? {
        let vendor = vendor.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !vendor.isEmpty, uploadSize >= 0 else {
            let problem = vendor.isEmpty ? "a job needs a vendor" : "the upload's size is negative (\(uploadSize))"
            throw RegisterError.register(code: .invalidJob, path: path, cause: "\(problem); nothing was queued")
        }
        let job = ServiceJob(
            id: ServiceSecret.random(bytes: 16), vendor: vendor, tokenID: tokenID, mode: mode, state: .queued,
            uploadSHA256: uploadSHA256, uploadSize: uploadSize, submittedAt: at)
        var queued = false
        do {
            try queue.inTransaction(.immediate) { db in
                _ = try validToken(db, id: tokenID)
                guard try Self.pendingJobs(db) < limit else { return .commit }
                try job.insert(db)
                queued = true
                return .commit
            }
        } catch {
            throw Self.classify(error, path: path)
        }
        return queued ? job : nil
    }

    /// How many jobs are queued or running.
    public func queueLength() throws(RegisterError) -> Int {
        do {
            return try queue.read { db in try Self.pendingJobs(db) }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// Claims the oldest queued job (by queueing order): it becomes running, started at `at`, one more attempt.
    /// One immediate transaction, so two claimers never get the same job; nil when none is queued.
    public func claimNextJob(at: String) throws(RegisterError) -> ServiceJob? {
        do {
            var claimed: ServiceJob?
            try queue.inTransaction(.immediate) { db in
                guard
                    var job = try ServiceJob.filter(ServiceJob.Columns.state == ServiceJob.State.queued.rawValue)
                        .order(ServiceJob.Columns.seq).fetchOne(db)
                else { return .commit }
                job.state = .running
                job.startedAt = at
                job.attempts += 1
                try job.saveProgress(db)
                claimed = job
                return .commit
            }
            return claimed
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// Marks a running job done with its verdict, the run it recorded (certification) and its submission id.
    public func finishJob(
        id: String, verdict: Verdict, runID: Int64?, submissionID: String?, at: String
    ) throws(RegisterError) {
        try endJob(id: id) { db, job throws(RegisterError) in
            if let runID, (try? RunRecord.exists(db, key: runID)) != true {
                throw RegisterError.register(
                    code: .unknownRun, path: path, cause: "job \(id) names run \(runID), which is not in the register")
            }
            job.state = .done
            job.verdict = verdict
            job.runID = runID
            job.submissionID = submissionID
            job.finishedAt = at
            job.message = nil
        }
    }

    /// Marks a running job failed, with why, for the vendor.
    public func failJob(id: String, message: String, at: String) throws(RegisterError) {
        try endJob(id: id) { _, job in
            job.state = .failed
            job.message = message
            job.finishedAt = at
        }
    }

    /// Puts every running job back in the queue (at start-up: a job interrupted by a crash runs again), keeping its
    /// attempts and clearing its start time; returns how many.
    public func requeueInterrupted() throws(RegisterError) -> Int {
        do {
            var count = 0
            try queue.inTransaction(.immediate) { db in
                count = try ServiceJob.filter(ServiceJob.Columns.state == ServiceJob.State.running.rawValue)
                    .updateAll(
                        db, ServiceJob.Columns.state.set(to: ServiceJob.State.queued.rawValue),
                        Column(ServiceJob.CodingKeys.startedAt).set(to: nil))
                return .commit
            }
            return count
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// The job of that id, if it is `vendor`'s (nil: any vendor's, for officers); another vendor's job is nil, as
    /// an unknown id is, so its existence does not leak.
    public func job(id: String, vendor: String?) throws(RegisterError) -> ServiceJob? {
        var request = ServiceJob.filter(ServiceJob.Columns.id == id)
        if let vendor { request = request.filter(ServiceJob.Columns.vendor == vendor) }
        do {
            return try queue.read { db in try request.fetchOne(db) }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// The newest `limit` jobs of `vendor` (nil: every vendor), in `states` (nil: any), newest first.
    public func jobs(
        vendor: String?, states: Set<ServiceJob.State>? = nil, limit: Int
    ) throws(RegisterError) -> [ServiceJob] {
        var request = ServiceJob.all()
        if let vendor { request = request.filter(ServiceJob.Columns.vendor == vendor) }
        if let states { request = request.filter(states.map(\.rawValue).contains(ServiceJob.Columns.state)) }
        let selected = request.order(ServiceJob.Columns.seq.desc).limit(max(limit, 0))
        do {
            return try queue.read { db in try selected.fetchAll(db) }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// Changes a running job by `change`, in one transaction; throws when the job is unknown or not running.
    private func endJob(
        id: String, _ change: (Database, inout ServiceJob) throws(RegisterError) -> Void
    ) throws(RegisterError) {
        do {
            try queue.inTransaction(.immediate) { db in
                guard var job = try ServiceJob.filter(ServiceJob.Columns.id == id).fetchOne(db) else {
                    throw RegisterError.register(code: .unknownJob, path: path, cause: "no job \(id) in the register")
                }
                guard job.state == .running else {
                    throw RegisterError.register(
                        code: .jobNotRunning, path: path,
                        cause: "job \(id) is \(job.state.rawValue), not running; it was left as it is")
                }
                try change(db, &job)
                try job.saveProgress(db)
                return .commit
            }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// Jobs queued or running.
    private static func pendingJobs(_ db: Database) throws -> Int {
        try ServiceJob.filter(
            [ServiceJob.State.queued.rawValue, ServiceJob.State.running.rawValue].contains(ServiceJob.Columns.state)
        ).fetchCount(db)
    }
}
