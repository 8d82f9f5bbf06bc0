import Foundation
import OpenAPIRuntime
import QRRegister

/// The report downloads: the files the judging wrote into the job's folder, byte for byte.
extension ServiceAPI {
    /// The bytes of `name` in the principal's judged job `id` as `ok`, or the operation's refusal: 401 without a
    /// principal, 404 for no such job (another vendor's included) or no such file, 409 while it is not judged.
    private func download<Output>(
        _ id: String, _ name: String, ok: ([UInt8]) -> Output,
        unauthorized: (Components.Responses.Unauthorized) -> Output,
        notFound: (Components.Responses.NotFound) -> Output, conflict: (Components.Responses.Conflict) -> Output
    ) throws -> Output {
        guard let principal = identity.principal else { return unauthorized(.init(body: .json(Self.unauthorized))) }
        guard let job = try job(id, for: principal) else {
            return notFound(.init(body: .json(Self.problem("not-found", "no submission \(id)"))))
        }
        switch job.state {
        case .queued, .running:
            return conflict(
                .init(
                    body: .json(
                        Self.problem(
                            "not-judged", "submission \(id) is \(job.state.rawValue); its reports come when it is done")
                    )))
        case .failed:
            return conflict(
                .init(
                    body: .json(
                        Self.problem(
                            "not-judged", "submission \(id) could not be judged: \(job.message ?? "no reason given")")))
            )
        case .done: break
        }
        let path = URL(fileURLWithPath: configuration.reportFolder(job: job.id)).appendingPathComponent(name).path
        guard let data = FileManager.default.contents(atPath: path) else {
            let why =
                name.hasSuffix(".jws")
                ? (job.mode == .selfTest
                    ? "self-test reports are not signed" : "this service signs no reports (no --signing-key)")
                : "submission \(id) has no \(name)"
            return notFound(.init(body: .json(Self.problem("not-found", why))))
        }
        return ok([UInt8](data))
    }

    func reportJSON(_ input: Operations.ReportJSON.Input) async throws -> Operations.ReportJSON.Output {
        try download(
            input.path.id, "report.json",
            ok: { bytes in
                .ok(
                    .init(
                        headers: .init(contentDisposition: "attachment; filename=\"report.json\""),
                        body: .binary(HTTPBody(bytes))))
            }, unauthorized: Operations.ReportJSON.Output.unauthorized, notFound: Operations.ReportJSON.Output.notFound,
            conflict: Operations.ReportJSON.Output.conflict)
    }

    func reportSignature(_ input: Operations.ReportSignature.Input) async throws -> Operations.ReportSignature.Output {
        try download(
            input.path.id, "report.json.jws", ok: { .ok(.init(body: .applicationJose(HTTPBody($0)))) },
            unauthorized: Operations.ReportSignature.Output.unauthorized,
            notFound: Operations.ReportSignature.Output.notFound, conflict: Operations.ReportSignature.Output.conflict)
    }

    func reportJUnit(_ input: Operations.ReportJUnit.Input) async throws -> Operations.ReportJUnit.Output {
        try download(
            input.path.id, "junit.xml", ok: { .ok(.init(body: .xml(HTTPBody($0)))) },
            unauthorized: Operations.ReportJUnit.Output.unauthorized, notFound: Operations.ReportJUnit.Output.notFound,
            conflict: Operations.ReportJUnit.Output.conflict)
    }

    func reportHTML(_ input: Operations.ReportHTML.Input) async throws -> Operations.ReportHTML.Output {
        try download(
            input.path.id, "report.html", ok: { .ok(.init(body: .html(HTTPBody($0)))) },
            unauthorized: Operations.ReportHTML.Output.unauthorized, notFound: Operations.ReportHTML.Output.notFound,
            conflict: Operations.ReportHTML.Output.conflict)
    }
}
