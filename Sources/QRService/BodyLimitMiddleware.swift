import Hummingbird

/// Bounds every request body except the two upload routes (which stream to disk under the archive limit): the
/// generated decoders collect a form or JSON body whole, so an unbounded login post could fill the server's memory.
/// A larger body is answered 413 before any handler runs.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let limit: Int

    static let uploadPaths: Set<String> = ["/api/v1/submissions", "/submissions"]

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.method == .post, !Self.uploadPaths.contains(request.uri.path) else {
            return try await next(request, context)
        }
        var request = request
        do {
            _ = try await request.collectBody(upTo: limit)
        } catch {
            return SecurityHeadersMiddleware.problem(
                status: .contentTooLarge, path: request.uri.path, code: "too-large",
                message: "the request body is larger than \(limit) bytes; nothing was recorded")
        }
        return try await next(request, context)
    }
}
