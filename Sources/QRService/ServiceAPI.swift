import Foundation
import HTTPTypes
import Logging
import OpenAPIRuntime
import QRConformance
import QRRegister

/// The handlers of the operations generated from openapi.yaml. Each reads who asks from `RequestIdentity`, checks
/// the role, and answers only with the responses the document lists: a vendor sees only their own submissions
/// (another vendor's is 404, like an unknown one), officer actions are 403 to vendors.
struct ServiceAPI: APIProtocol {
    let configuration: ServiceConfiguration
    let register: Register
    let queue: JudgingQueue
    let metrics: ServiceMetrics
    let logger: Logger
    let reportKeys: Components.Schemas.JWKSet

    var identity: RequestIdentity { RequestIdentity.current }

    /// The vendor scope of the asking principal: their vendor, or nil (every vendor) for an officer.
    func scope(_ principal: Principal) -> String? { principal.role == .vendor ? principal.vendor : nil }

    static func problem(_ code: String, _ message: String, vi: String? = nil) -> Components.Schemas.Problem {
        .init(code: code, message: message, messageVi: vi)
    }

    static let unauthorized = problem(
        "unauthorized", "a valid token is needed (Authorization: Bearer TOKEN), or a session: log in at /",
        vi: "cần mã truy cập hợp lệ")

    /// A job id as the service makes them; anything else is answered as unknown without asking the register.
    static func isJobID(_ id: String) -> Bool {
        id.utf8.count == 22
            && id.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x5F
            }
    }

    /// The principal's job with this id, nil when unknown or another vendor's.
    func job(_ id: String, for principal: Principal) throws -> ServiceJob? {
        guard Self.isJobID(id) else { return nil }
        return try register.job(id: id, vendor: scope(principal))
    }

    /// The document's view of a job.
    static func submission(_ job: ServiceJob) -> Components.Schemas.Submission {
        let base = "/api/v1/submissions/\(job.id)"
        let done = job.state == .done
        return .init(
            id: job.id, mode: job.mode == .selfTest ? .selfTest : .certification, state: state(job.state),
            testOnly: job.mode == .selfTest, vendor: job.vendor,
            submittedAt: CheckReport.date(job.submittedAt) ?? Date(timeIntervalSince1970: 0),
            startedAt: job.startedAt.flatMap(CheckReport.date), finishedAt: job.finishedAt.flatMap(CheckReport.date),
            attempts: job.attempts, uploadSha256: job.uploadSHA256, uploadSize: job.uploadSize,
            verdict: job.verdict.flatMap { Components.Schemas.Verdict(rawValue: $0.rawValue) },
            submissionId: job.submissionID, run: job.runID, message: job.message,
            reports: .init(
                json: done ? "\(base)/report.json" : nil, junit: done ? "\(base)/junit.xml" : nil,
                html: done ? "\(base)/report.html" : nil,
                jws: done && job.mode == .certification && job.runID != nil ? "\(base)/report.json.jws" : nil))
    }

    private static func state(_ state: ServiceJob.State) -> Components.Schemas.JobState {
        switch state {
        case .queued: .queued
        case .running: .running
        case .done: .done
        case .failed: .failed
        }
    }

    // MARK: public

    func health(_ input: Operations.Health.Input) async throws -> Operations.Health.Output {
        .ok(.init(body: .json(.init(status: queue.isStopping ? .stopping : .ok, queue: try register.queueLength()))))
    }

    func metrics(_ input: Operations.Metrics.Input) async throws -> Operations.Metrics.Output {
        metrics.setQueueLength(try register.queueLength())
        return .ok(.init(body: .plainText(HTTPBody(metrics.exposition()))))
    }

    func reportKeys(_ input: Operations.ReportKeys.Input) async throws -> Operations.ReportKeys.Output {
        .ok(.init(body: .json(reportKeys)))
    }

    func publicListJSON(_ input: Operations.PublicListJSON.Input) async throws -> Operations.PublicListJSON.Output {
        let bytes = try publicList().jsonData()
        return .ok(.init(body: .json(try JSONDecoder().decode(Components.Schemas.PublicList.self, from: bytes))))
    }

    func publicListPage(_ input: Operations.PublicListPage.Input) async throws -> Operations.PublicListPage.Output {
        .ok(.init(body: .html(HTTPBody(PublicListHTML.render(try publicList())))))
    }

    /// The published apps, with their reviews: the list `register export --published` writes.
    func publicList() throws -> PublicList {
        PublicList(runs: try register.publishedRuns(), reviews: try register.reviewsByRun())
    }
}
