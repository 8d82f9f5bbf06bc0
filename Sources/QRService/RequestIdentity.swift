import Foundation
import Hummingbird
import QRRegister

/// Who is asking, resolved once per request by `IdentityMiddleware` from the bearer token or the session cookie,
/// and read by the handlers (the generated API's handlers get no request context of their own).
struct RequestIdentity: Sendable {
    /// How the principal proved who they are: a bearer token needs no CSRF token; a session cookie does on posts.
    enum Channel: Sendable { case bearer, session }

    var principal: Principal?
    var channel: Channel?
    /// The session's CSRF token, which every form post must carry.
    var csrf: String?
    /// The raw session cookie, for logout.
    var sessionCookie: String?
    /// The login form's double-submit nonce (`qrc_login` cookie), before there is a session.
    var loginNonce: String?

    @TaskLocal static var current = RequestIdentity()

    static let sessionCookieName = "qrc_session"
    static let loginCookieName = "qrc_login"
}

/// Resolves `RequestIdentity` for the request: `Authorization: Bearer` first, else the `qrc_session` cookie. An
/// unknown, expired or revoked credential leaves the principal nil, so the handler answers 401.
struct IdentityMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let register: Register

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var identity = RequestIdentity()
        identity.loginNonce = request.cookies[RequestIdentity.loginCookieName]?.value
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                identity.principal = try register.authenticate(secret: String(parts[1]))
                identity.channel = .bearer
            }
        } else if let cookie = request.cookies[RequestIdentity.sessionCookieName]?.value, !cookie.isEmpty {
            if let session = try register.session(cookie: cookie, at: Date()) {
                identity.principal = session.principal
                identity.channel = .session
                identity.csrf = session.csrf
                identity.sessionCookie = cookie
            }
        }
        return try await RequestIdentity.$current.withValue(identity) { try await next(request, context) }
    }
}
