import Foundation
import OpenAPIRuntime
import QRConformance
import QRRegister

/// The browser pages: log in once with the token, then a session cookie (HttpOnly, SameSite=Strict, Secure behind
/// TLS) and the session's CSRF token in every form. Login itself is guarded by a double-submit nonce.
extension ServiceAPI {
    private func cookie(_ name: String, _ value: String, maxAge: Int?) -> String {
        var cookie = "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict"
        if let maxAge { cookie += "; Max-Age=\(maxAge)" }
        if configuration.secureCookies { cookie += "; Secure" }
        return cookie
    }

    private static func html(_ bytes: [UInt8]) -> HTTPBody { HTTPBody(bytes) }

    private static func notLoggedIn() -> [UInt8] {
        ServicePages.message(
            title: "401 — Chưa đăng nhập / Not logged in",
            text: "Log in with your access token on the home page (or send Authorization: Bearer TOKEN).",
            vi: "Hãy đăng nhập bằng mã truy cập ở trang chủ.")
    }

    private static func badCSRF() -> [UInt8] {
        ServicePages.message(
            title: "403 — Biểu mẫu không hợp lệ / Form refused",
            text:
                "The form's CSRF token is missing or wrong; reload the page and submit it again. Nothing was recorded.",
            vi: "Mã chống giả mạo (CSRF) của biểu mẫu thiếu hoặc sai; hãy tải lại trang. Không có gì được ghi nhận.")
    }

    /// Compares secrets in time independent of where they differ.
    static func same(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b, !a.isEmpty else { return false }
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    func homePage(_ input: Operations.HomePage.Input) async throws -> Operations.HomePage.Output {
        let nonce = ServiceSecret.random(bytes: 32)
        return .ok(
            .init(
                headers: .init(setCookie: cookie(RequestIdentity.loginCookieName, nonce, maxAge: 3600)),
                body: .html(Self.html(ServicePages.home(nonce: nonce)))))
    }

    func login(_ input: Operations.Login.Input) async throws -> Operations.Login.Output {
        guard case .urlEncodedForm(let form) = input.body else {
            return .badRequest(
                .init(body: .html(Self.html(ServicePages.message(title: "400", text: "a form is needed", vi: nil)))))
        }
        guard Self.same(form.csrf, identity.loginNonce) else {
            return .forbidden(.init(body: .html(Self.html(Self.badCSRF()))))
        }
        guard let principal = try register.authenticate(secret: form.token) else {
            return .unauthorized(
                .init(
                    body: .html(
                        Self.html(
                            ServicePages.message(
                                title: "401 — Mã truy cập không hợp lệ / Token refused",
                                text: "The token is unknown or revoked.",
                                vi: "Mã truy cập không tồn tại hoặc đã bị thu hồi.")))))
        }
        let session = try register.createSession(
            for: principal, at: Date(), lifetime: configuration.sessionLifetime)
        logger.info("logged in", metadata: ["token": "\(principal.tokenID)", "role": "\(principal.role.rawValue)"])
        return .seeOther(
            .init(
                headers: .init(
                    location: "/submissions",
                    setCookie: cookie(
                        RequestIdentity.sessionCookieName, session.cookie, maxAge: Int(configuration.sessionLifetime))))
        )
    }

    func logout(_ input: Operations.Logout.Input) async throws -> Operations.Logout.Output {
        guard identity.channel == .session, let cookie = identity.sessionCookie else {
            return .unauthorized(.init(body: .html(Self.html(Self.notLoggedIn()))))
        }
        guard case .urlEncodedForm(let form) = input.body, Self.same(form.csrf, identity.csrf) else {
            return .forbidden(.init(body: .html(Self.html(Self.badCSRF()))))
        }
        try register.endSession(cookie: cookie)
        return .seeOther(
            .init(
                headers: .init(location: "/", setCookie: self.cookie(RequestIdentity.sessionCookieName, "", maxAge: 0)))
        )
    }

    func submissionsPage(_ input: Operations.SubmissionsPage.Input) async throws -> Operations.SubmissionsPage.Output {
        guard let principal = identity.principal else {
            return .unauthorized(.init(body: .html(Self.html(Self.notLoggedIn()))))
        }
        let jobs = try register.jobs(vendor: scope(principal), limit: 200)
        return .ok(
            .init(
                body: .html(Self.html(ServicePages.submissions(principal: principal, csrf: identity.csrf, jobs: jobs))))
        )
    }

    func statusPage(_ input: Operations.StatusPage.Input) async throws -> Operations.StatusPage.Output {
        guard let principal = identity.principal else {
            return .unauthorized(.init(body: .html(Self.html(Self.notLoggedIn()))))
        }
        guard let job = try job(input.path.id, for: principal) else {
            return .notFound(
                .init(
                    body: .html(
                        Self.html(
                            ServicePages.message(
                                title: "404 — Không tìm thấy / Not found", text: "No such submission.",
                                vi: "Không có hồ sơ này.")))))
        }
        return .ok(
            .init(body: .html(Self.html(ServicePages.status(job: job, principal: principal, csrf: identity.csrf)))))
    }

    /// The upload form's post: `csrf` and `mode` must come before `file` (the page's form sends them in that order),
    /// so a forged post is refused before a byte of the file is stored.
    func uploadForm(_ input: Operations.UploadForm.Input) async throws -> Operations.UploadForm.Output {
        guard let principal = identity.principal else {
            return .unauthorized(.init(body: .html(Self.html(Self.notLoggedIn()))))
        }
        guard principal.role == .vendor else {
            return .forbidden(
                .init(body: .html(Self.html(ServicePages.message(title: "403", text: "only vendors upload", vi: nil)))))
        }
        guard case .multipartForm(let parts) = input.body else {
            return .badRequest(
                .init(body: .html(Self.html(ServicePages.message(title: "400", text: "a form is needed", vi: nil)))))
        }
        var csrfChecked = identity.channel == .bearer
        var mode = ServiceJob.Mode.certification
        var acceptance: Acceptance?
        do {
            for try await part in parts {
                switch part {
                case .csrf(let csrf):
                    let value = try await String(collecting: csrf.payload.body, upTo: 1024)
                    csrfChecked = csrfChecked || Self.same(value, identity.csrf)
                case .mode(let field):
                    let value = try await String(collecting: field.payload.body, upTo: 64)
                    mode = value == ServiceJob.Mode.selfTest.rawValue ? .selfTest : .certification
                case .file(let file):
                    guard csrfChecked else {
                        metrics.refused("csrf")
                        return .forbidden(.init(body: .html(Self.html(Self.badCSRF()))))
                    }
                    guard acceptance == nil else { continue }
                    do {
                        acceptance = try await accept(file.payload.body, mode: mode, principal: principal)
                    } catch {
                        throw AcceptFailure(underlying: error)
                    }
                case .undocumented: continue
                }
            }
        } catch let failure as AcceptFailure {
            throw failure.underlying
        } catch {
            // A form the multipart decoder cannot read (a part without a name, a name that is not UTF-8, a cut body).
            return .badRequest(
                .init(
                    body: .html(
                        Self.html(
                            ServicePages.message(
                                title: "400 — Biểu mẫu không đọc được / Form unreadable",
                                text: "The form could not be read as multipart/form-data; nothing was recorded.",
                                vi: "Không đọc được biểu mẫu; không có gì được ghi nhận.")))))
        }
        guard csrfChecked else {
            metrics.refused("csrf")
            return .forbidden(.init(body: .html(Self.html(Self.badCSRF()))))
        }
        switch acceptance {
        case nil:
            return .badRequest(
                .init(
                    body: .html(
                        Self.html(ServicePages.message(title: "400", text: "no file was sent", vi: "Chưa chọn tệp.")))))
        case .accepted(let job)?:
            return .seeOther(.init(headers: .init(location: "/submissions/\(job.id)")))
        case .refused(let refusal)?:
            let page = Self.html(
                ServicePages.message(
                    title: "Tệp bị từ chối / Upload refused", text: refusal.message, vi: refusal.messageVI))
            if case .tooLarge = refusal { return .contentTooLarge(.init(body: .html(page))) }
            return .badRequest(.init(body: .html(page)))
        case .queueFull?, .stopping?:
            return .tooManyRequests(
                .init(
                    headers: .init(retryAfter: configuration.retryAfter),
                    body: .html(
                        Self.html(
                            ServicePages.message(
                                title: "429 — Hàng đợi đầy / Queue full", text: "The queue is full; try again later.",
                                vi: "Hàng đợi đã đầy; vui lòng thử lại sau.")))))
        }
    }
}

/// An error of storing or queueing an upload, told apart from the form's own decoding errors (those are a 400).
private struct AcceptFailure: Error {
    let underlying: any Error
}
