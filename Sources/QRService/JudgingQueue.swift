import Foundation
import Logging
import QRConformance
import QRErrors
import QRRegister
import QRRun
import ServiceLifecycle
import Synchronization

/// Judges the queued submissions, `concurrentJobs` at a time, each on a thread of its own (judging blocks: it waits
/// on worker processes), exactly as `certify` does. The queue lives in the register: at start every job a crash
/// left running is queued again, and recording is idempotent (the same submission under the same spec is recorded
/// once), so every accepted submission ends judged and recorded exactly once.
final class JudgingQueue: Service, Sendable {
    private let configuration: ServiceConfiguration
    private let register: Register
    private let metrics: ServiceMetrics
    private let logger: Logger
    private let stopping = Atomic<Bool>(false)
    private let wake = DispatchSemaphore(value: 0)

    init(configuration: ServiceConfiguration, register: Register, metrics: ServiceMetrics, logger: Logger) {
        self.configuration = configuration
        self.register = register
        self.metrics = metrics
        self.logger = logger
    }

    /// Whether the service is shutting down (uploads are then refused with 503).
    var isStopping: Bool { stopping.load(ordering: .relaxed) }

    /// Tells a waiting slot that a job was queued.
    func notify() { wake.signal() }

    func run() async throws {
        let requeued = try register.requeueInterrupted()
        if requeued > 0 { logger.notice("queued again after an interruption", metadata: ["jobs": "\(requeued)"]) }
        metrics.setQueueLength(try register.queueLength())
        let slots = max(1, configuration.concurrentJobs)
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                for slot in 0..<slots {
                    group.addTask {
                        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                            let thread = Thread { [self] in
                                self.loop(slot: slot)
                                done.resume()
                            }
                            thread.name = "judging-\(slot)"
                            thread.start()
                        }
                    }
                }
            }
        } onGracefulShutdown: {
            // The running jobs finish; nothing new is claimed. A job still queued runs at the next start.
            self.stopping.store(true, ordering: .relaxed)
            for _ in 0..<slots { self.wake.signal() }
        }
        logger.notice("judging stopped")
    }

    private func loop(slot: Int) {
        while !isStopping {
            let job: ServiceJob?
            do {
                job = try register.claimNextJob(at: CheckReport.timestamp(Date()))
            } catch {
                logger.error("cannot claim a job", metadata: ["error": "\(error)"])
                _ = wake.wait(timeout: .now() + 5)
                continue
            }
            guard let job else {
                _ = wake.wait(timeout: .now() + 2)
                continue
            }
            judge(job)
        }
    }

    /// Judges one claimed job into its report folder and records the outcome on the job.
    private func judge(_ job: ServiceJob) {
        let started = Date()
        logger.info(
            "judging", metadata: ["job": "\(job.id)", "mode": "\(job.mode.rawValue)", "attempt": "\(job.attempts)"])
        let upload = configuration.uploadPath(sha256: job.uploadSHA256)
        let folder = configuration.reportFolder(job: job.id)
        var inputs = configuration.inputs
        // Judged as of its upload, so a job run again after a crash gives the same report bytes.
        inputs.validationTime = CheckReport.date(job.submittedAt) ?? started
        var outcome: String
        do {
            var run = try CertificationRun(
                inputs: inputs, workers: configuration.workers, outputFolder: folder, register: register,
                signingKey: configuration.signingKey)
            run.testOnly = job.mode == .selfTest
            let judged = try run.certify(upload, into: folder, vendor: job.vendor)
            try register.finishJob(
                id: job.id, verdict: judged.report.verdict, runID: judged.run,
                submissionID: judged.report.submission.id,
                at: CheckReport.timestamp(Date()))
            outcome = judged.report.verdict.rawValue
            logger.info(
                "judged",
                metadata: [
                    "job": "\(job.id)", "verdict": "\(outcome)", "run": "\(judged.run.map(String.init) ?? "-")",
                    "already_recorded": "\(judged.alreadyRecorded)",
                ])
        } catch {
            outcome = "failed"
            // The vendor sees the message: the server's own paths become "the upload".
            let message = "\(error)".replacingOccurrences(of: upload, with: "the upload")
                .replacingOccurrences(of: configuration.dataFolder, with: "")
            do {
                try register.failJob(id: job.id, message: message, at: CheckReport.timestamp(Date()))
            } catch {
                logger.error("cannot record a failed job", metadata: ["job": "\(job.id)", "error": "\(error)"])
            }
            logger.warning(
                "judging failed",
                metadata: ["job": "\(job.id)", "code": "\((error as? QRError)?.code.rawValue ?? "-")"])
        }
        metrics.judged(mode: job.mode.rawValue, outcome: outcome, seconds: Date().timeIntervalSince(started))
        metrics.setQueueLength((try? register.queueLength()) ?? 0)
    }
}
