import Foundation
import OpenAPIRuntime
import QRRegister

/// The report downloads: the files the judging wrote into the job's folder, byte for byte.
extension ServiceAPI {
    /// Why a report cannot be given: no principal, no such job for them, not judged yet, or no such file.
    enum ReportRefusal {
        case unauthorized
        case notFound(String)
        case conflict(String)
    }

    /// The bytes of `name` in the principal's judged job `id`, or why not.
    func report(_ id: String, _ name: String) throws -> Result<[UInt8], ReportRefusalError> {
        guard let principal = identity.principal else { return .failure(.init(.unauthorized)) }
        guard let job = try job(id, for: principal) else {
            return .failure(.init(.notFound("no submission \(id)")))
        }
        switch job.state {
        case .queued, .running:
            return .failure(
                .init(.conflict("submission \(id) is \(job.state.rawValue); its reports come when it is done")))
        case .failed:
            return .failure(
                .init(.conflict("submission \(id) could not be judged: \(job.message ?? "no reason given")")))
        case .done: break
        }
        let path = URL(fileURLWithPath: configuration.reportFolder(job: job.id)).appendingPathComponent(name).path
        guard let data = FileManager.default.contents(atPath: path) else {
            let why =
                name.hasSuffix(".jws")
                ? (job.mode == .selfTest
                    ? "self-test reports are not signed" : "this service signs no reports (no --signing-key)")
                : "submission \(id) has no \(name)"
            return .failure(.init(.notFound(why)))
        }
        return .success([UInt8](data))
    }

    /// `ReportRefusal` as an error value, so `Result` can carry it.
    struct ReportRefusalError: Error {
        let refusal: ReportRefusal
        init(_ refusal: ReportRefusal) { self.refusal = refusal }
    }

    func reportJSON(_ input: Operations.ReportJSON.Input) async throws -> Operations.ReportJSON.Output {
        switch try report(input.path.id, "report.json") {
        case .success(let bytes):
            return .ok(
                .init(
                    headers: .init(contentDisposition: "attachment; filename=\"report.json\""),
                    body: .binary(HTTPBody(bytes))))
        case .failure(let error):
            switch error.refusal {
            case .unauthorized: return .unauthorized(.init(body: .json(Self.unauthorized)))
            case .notFound(let why): return .notFound(.init(body: .json(Self.problem("not-found", why))))
            case .conflict(let why): return .conflict(.init(body: .json(Self.problem("not-judged", why))))
            }
        }
    }

    func reportSignature(_ input: Operations.ReportSignature.Input) async throws -> Operations.ReportSignature.Output {
        switch try report(input.path.id, "report.json.jws") {
        case .success(let bytes): return .ok(.init(body: .applicationJose(HTTPBody(bytes))))
        case .failure(let error):
            switch error.refusal {
            case .unauthorized: return .unauthorized(.init(body: .json(Self.unauthorized)))
            case .notFound(let why): return .notFound(.init(body: .json(Self.problem("not-found", why))))
            case .conflict(let why): return .conflict(.init(body: .json(Self.problem("not-judged", why))))
            }
        }
    }

    func reportJUnit(_ input: Operations.ReportJUnit.Input) async throws -> Operations.ReportJUnit.Output {
        switch try report(input.path.id, "junit.xml") {
        case .success(let bytes): return .ok(.init(body: .xml(HTTPBody(bytes))))
        case .failure(let error):
            switch error.refusal {
            case .unauthorized: return .unauthorized(.init(body: .json(Self.unauthorized)))
            case .notFound(let why): return .notFound(.init(body: .json(Self.problem("not-found", why))))
            case .conflict(let why): return .conflict(.init(body: .json(Self.problem("not-judged", why))))
            }
        }
    }

    func reportHTML(_ input: Operations.ReportHTML.Input) async throws -> Operations.ReportHTML.Output {
        switch try report(input.path.id, "report.html") {
        case .success(let bytes): return .ok(.init(body: .html(HTTPBody(bytes))))
        case .failure(let error):
            switch error.refusal {
            case .unauthorized: return .unauthorized(.init(body: .json(Self.unauthorized)))
            case .notFound(let why): return .notFound(.init(body: .json(Self.problem("not-found", why))))
            case .conflict(let why): return .conflict(.init(body: .json(Self.problem("not-judged", why))))
            }
        }
    }
}
