import Hummingbird
import HTTPTypes
import Logging
import OpenAPIRuntime
import QRConformance

/// Adds the headers every response carries (a Content-Security-Policy that forbids outside resources, no sniffing,
/// no framing, no referrer) and turns a request the generated decoder refused into a 400 with a `Problem` body
/// (JSON under /api/, a page elsewhere) instead of an empty 500.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    /// Pages and reports are self-contained: inline style and script only, images only as data: URIs, forms post
    /// only back to this service.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// Headers that swift-http-types has no constant for.
    static let fixedHeaders: [(HTTPField.Name, String)] = [
        ("Referrer-Policy", "no-referrer"), ("X-Frame-Options", "DENY"),
    ]
    .compactMap { name, value in HTTPField.Name(name).map { ($0, value) } }

    let logger: Logger

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as ServerError {
            let status = error.httpStatus
            if status.code >= 500 {
                logger.error(
                    "request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error.causeDescription)"])
            }
            response = Self.problem(
                status: status.code >= 500 ? .internalServerError : status, path: request.uri.path,
                code: status.code >= 500 ? "internal" : "bad-request",
                message: status.code >= 500
                    ? "the server failed to answer; the failure is logged" : error.causeDescription)
        }
        // The generated code percent-encodes header values; Location and Set-Cookie must reach the browser as written.
        for name in [HTTPField.Name.location, .setCookie] {
            if let value = response.headers[name], let decoded = value.removingPercentEncoding, decoded != value {
                response.headers[name] = decoded
            }
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        for (name, value) in Self.fixedHeaders { response.headers[name] = value }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    /// A refusal outside the generated handlers, shaped as the document says: JSON under /api/, a page elsewhere.
    static func problem(status: HTTPResponse.Status, path: String, code: String, message: String) -> Response {
        if path.hasPrefix("/api/") {
            let problem = Components.Schemas.Problem(code: code, message: message)
            let body = (try? ReportCoding.encoder(.compact).encode(problem)).map(Array.init) ?? Array(code.utf8)
            return Response(
                status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: .init(bytes: body))
            )
        }
        let page = ServicePages.message(title: "\(status.code) \(status.reasonPhrase)", text: message, vi: nil)
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: .init(bytes: page)))
    }
}
