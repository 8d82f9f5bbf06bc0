import Foundation
import OpenAPIRuntime
import QRConformance
import QRRegister

/// Uploads and the vendor's view of their submissions.
extension ServiceAPI {
    /// What became of an upload.
    enum Acceptance {
        case accepted(ServiceJob)
        case refused(UploadReceiver.Refusal)
        case queueFull
        case stopping
    }

    /// Stores `body` (streamed, within the archive limit) and queues it for `principal`; the queue's limit is
    /// checked before reading and again, atomically, when queueing.
    func accept(_ body: HTTPBody, mode: ServiceJob.Mode, principal: Principal) async throws -> Acceptance {
        if queue.isStopping {
            metrics.refused("stopping")
            return .stopping
        }
        if try register.queueLength() >= configuration.queueLimit {
            metrics.refused("queue-full")
            return .queueFull
        }
        let receiver = UploadReceiver(folder: configuration.uploadsFolder, limit: configuration.limits.maxArchiveBytes)
        let stored: UploadReceiver.Stored
        do {
            stored = try await receiver.receive(body, storedPath: configuration.uploadPath(sha256:))
        } catch {
            metrics.refused(error.code)
            logger.info("upload refused", metadata: ["reason": "\(error.code)", "vendor": "\(principal.vendor ?? "")"])
            return .refused(error)
        }
        guard
            let job = try register.enqueue(
                vendor: principal.vendor ?? "", tokenID: principal.tokenID, mode: mode, uploadSHA256: stored.sha256,
                uploadSize: stored.size, at: CheckReport.timestamp(Date()), limit: configuration.queueLimit)
        else {
            metrics.refused("queue-full")
            return .queueFull
        }
        metrics.accepted(mode: mode.rawValue)
        metrics.setQueueLength(try register.queueLength())
        logger.info(
            "upload queued",
            metadata: [
                "job": "\(job.id)", "mode": "\(mode.rawValue)", "size": "\(stored.size)", "vendor": "\(job.vendor)",
            ])
        queue.notify()
        return .accepted(job)
    }

    func upload(_ input: Operations.Upload.Input) async throws -> Operations.Upload.Output {
        guard let principal = identity.principal else { return .unauthorized(.init(body: .json(Self.unauthorized))) }
        guard principal.role == .vendor else {
            metrics.refused("forbidden")
            return .forbidden(.init(body: .json(Self.problem("forbidden", "only vendors upload submissions"))))
        }
        let mode: ServiceJob.Mode = input.query.mode == .selfTest ? .selfTest : .certification
        guard case .applicationZip(let body) = input.body else {
            return .badRequest(.init(body: .json(Self.problem("not-a-zip", "the body must be application/zip"))))
        }
        switch try await accept(body, mode: mode, principal: principal) {
        case .accepted(let job):
            return .accepted(
                .init(headers: .init(location: "/api/v1/submissions/\(job.id)"), body: .json(Self.submission(job))))
        case .refused(let refusal):
            let problem = Self.problem(refusal.code, refusal.message, vi: refusal.messageVI)
            if case .tooLarge = refusal { return .contentTooLarge(.init(body: .json(problem))) }
            return .badRequest(.init(body: .json(problem)))
        case .queueFull:
            return .tooManyRequests(
                .init(
                    headers: .init(retryAfter: configuration.retryAfter),
                    body: .json(
                        Self.problem(
                            "queue-full", "the queue is full; try again later; nothing was recorded",
                            vi: "hàng đợi đã đầy; vui lòng thử lại sau"))))
        case .stopping:
            return .serviceUnavailable(
                .init(
                    headers: .init(retryAfter: configuration.retryAfter),
                    body: .json(Self.problem("stopping", "the service is shutting down; try again later"))))
        }
    }

    func listSubmissions(_ input: Operations.ListSubmissions.Input) async throws -> Operations.ListSubmissions.Output {
        guard let principal = identity.principal else { return .unauthorized(.init(body: .json(Self.unauthorized))) }
        let jobs = try register.jobs(vendor: scope(principal), limit: 1000)
        return .ok(.init(body: .json(.init(submissions: jobs.map(Self.submission)))))
    }

    func getSubmission(_ input: Operations.GetSubmission.Input) async throws -> Operations.GetSubmission.Output {
        guard let principal = identity.principal else { return .unauthorized(.init(body: .json(Self.unauthorized))) }
        guard let job = try job(input.path.id, for: principal) else {
            return .notFound(.init(body: .json(Self.problem("not-found", "no submission \(input.path.id)"))))
        }
        return .ok(.init(body: .json(Self.submission(job))))
    }
}
