import Foundation
import QRConformance
import QRConformanceReports
import QRRegister

/// The service's pages: plain, self-contained, bilingual (Vietnamese first, English beside it) HTML that works
/// without JavaScript. Every value is escaped; every form carries its CSRF token first.
enum ServicePages {
    private static func e(_ text: String) -> String { MarkupEscaping.escape(text) }

    private static let style = """
        body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d1d1f;background:#f5f5f7}
        main{max-width:960px;margin:0 auto;padding:24px}
        h1{font-size:24px;margin:0 0 4px}.en{color:#555}
        form{background:#fff;border-radius:10px;padding:16px 20px;margin:16px 0}
        label{display:block;margin:8px 0}input[type=text],input[type=password]{width:100%;max-width:520px;padding:6px}
        button{padding:8px 18px;font-size:15px}
        table{border-collapse:collapse;width:100%;background:#fff;border-radius:10px}
        td,th{padding:6px 10px;border-bottom:1px solid #ddd;text-align:left;font-size:14px}
        .test-only{padding:12px 16px;border:4px dashed #b3261e;color:#b3261e;font-weight:700;margin:12px 0}
        .state{font-weight:700}.v-pass{color:#1e7d34}.v-fail{color:#b3261e}.v-error{color:#8a5a00}
        .v-inconclusive{color:#4b3f9e}nav{margin:0 0 16px}nav a{margin-right:16px}
        """

    private static func page(_ title: String, refresh: Int? = nil, body: String) -> [UInt8] {
        let meta = refresh.map { "<meta http-equiv=\"refresh\" content=\"\($0)\">\n" } ?? ""
        return Array(
            """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            \(meta)<title>\(e(title))</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            <main>
            \(body)
            </main>
            </body>
            </html>

            """.utf8)
    }

    /// The home page: what the service is, the login form (with its double-submit nonce) and the public list.
    static func home(nonce: String) -> [UInt8] {
        page(
            "qrconform — Trung tâm chứng nhận / Certification centre",
            body: """
                <h1>Chứng nhận hiển thị mã QR cá nhân <span class="en">/ Personal QR display certification</span></h1>
                <p>Nhà cung cấp tải lên hồ sơ (tệp zip) để chứng nhận hoặc tự kiểm tra. \
                <span class="en">Vendors upload a submission zip for certification or a self-test.</span></p>
                <form method="post" action="/login">
                <input type="hidden" name="csrf" value="\(e(nonce))">
                <label>Mã truy cập <span class="en">/ Access token</span>
                <input type="password" name="token" autocomplete="off" required></label>
                <button type="submit">Đăng nhập / Log in</button>
                </form>
                <p><a href="/public/apps">Danh sách ứng dụng đạt chuẩn / Public list of certified apps</a> · \
                <a href="/public/apps.json">JSON</a> · <a href="/.well-known/jwks.json">Khóa ký báo cáo / Report keys</a></p>
                """)
    }

    /// The upload page with the principal's submissions (an officer: every vendor's).
    static func submissions(principal: Principal, csrf: String?, jobs: [ServiceJob]) -> [UInt8] {
        var body = nav(principal: principal, csrf: csrf)
        body += "<h1>Hồ sơ <span class=\"en\">/ Submissions</span></h1>\n"
        if principal.role == .vendor {
            body += """
                <form method="post" action="/submissions" enctype="multipart/form-data">
                <input type="hidden" name="csrf" value="\(e(csrf ?? ""))">
                <label><input type="radio" name="mode" value="certification" checked> Chứng nhận \
                <span class="en">/ Certification (recorded in the register)</span></label>
                <label><input type="radio" name="mode" value="self-test"> Tự kiểm tra \
                <span class="en">/ Self-test (TEST ONLY — not a certification; nothing recorded)</span></label>
                <label>Tệp zip <span class="en">/ Submission zip</span> <input type="file" name="file" accept=".zip,application/zip" required></label>
                <button type="submit">Tải lên / Upload</button>
                </form>

                """
        }
        body += "<table>\n<tr><th>Mã / Id</th><th>Chế độ / Mode</th>"
        body += principal.role == .officer ? "<th>Nhà cung cấp / Vendor</th>" : ""
        body += "<th>Trạng thái / State</th><th>Kết quả / Verdict</th><th>Tải lên lúc / Submitted</th></tr>\n"
        for job in jobs {
            body += "<tr><td><a href=\"/submissions/\(e(job.id))\">\(e(job.id))</a></td>"
            body += "<td>\(job.mode == .selfTest ? "TEST ONLY (self-test)" : "certification")</td>"
            body += principal.role == .officer ? "<td>\(e(job.vendor))</td>" : ""
            body += "<td class=\"state\">\(e(job.state.rawValue))</td>"
            body += "<td class=\"v-\(job.verdict?.rawValue ?? "")\">\(e(job.verdict?.rawValue ?? "—"))</td>"
            body += "<td>\(e(job.submittedAt))</td></tr>\n"
        }
        if jobs.isEmpty { body += "<tr><td colspan=\"6\">Chưa có hồ sơ / No submissions yet</td></tr>\n" }
        body += "</table>\n"
        return page("Hồ sơ / Submissions — qrconform", body: body)
    }

    /// A submission's status; refreshes itself every few seconds while it waits or runs.
    static func status(job: ServiceJob, principal: Principal, csrf: String?) -> [UInt8] {
        var body = nav(principal: principal, csrf: csrf)
        if job.mode == .selfTest {
            body += "<div class=\"test-only\" id=\"test-only\">\(e(SubmissionReport.testOnlyNotice))</div>\n"
        }
        body += "<h1>Hồ sơ <span class=\"en\">/ Submission</span> \(e(job.id))</h1>\n<table>\n"
        var rows: [(String, String)] = [
            ("Trạng thái / State", "<span class=\"state\" id=\"state\">\(e(job.state.rawValue))</span>"),
            ("Chế độ / Mode", job.mode == .selfTest ? "self-test (TEST ONLY)" : "certification"),
            ("Tải lên lúc / Submitted", e(job.submittedAt)),
            ("SHA-256", e(job.uploadSHA256)),
        ]
        if let verdict = job.verdict {
            rows.append(
                ("Kết quả / Verdict", "<span class=\"v-\(verdict.rawValue)\" id=\"verdict\">\(verdict.rawValue)</span>")
            )
        }
        if let id = job.submissionID { rows.append(("Mã hồ sơ / Submission id", e(id))) }
        if let run = job.runID { rows.append(("Lần chạy / Register run", "\(run)")) }
        if let message = job.message { rows.append(("Lỗi / Error", e(message))) }
        for (label, value) in rows { body += "<tr><th>\(label)</th><td>\(value)</td></tr>\n" }
        body += "</table>\n"
        if job.state == .done {
            let base = "/api/v1/submissions/\(e(job.id))"
            body += "<p id=\"reports\">Báo cáo / Reports: <a href=\"\(base)/report.html\">report.html</a> · "
            body += "<a href=\"\(base)/report.json\">report.json</a> · <a href=\"\(base)/junit.xml\">junit.xml</a>"
            body += job.mode == .certification ? " · <a href=\"\(base)/report.json.jws\">report.json.jws</a>" : ""
            body += "</p>\n"
        } else if job.state == .queued || job.state == .running {
            body += "<p>Đang chờ chấm; trang tự làm mới. <span class=\"en\">Waiting to be judged; this page "
            body += "refreshes itself.</span></p>\n"
        }
        let waiting = job.state == .queued || job.state == .running
        return page("\(job.id) — \(job.state.rawValue) — qrconform", refresh: waiting ? 3 : nil, body: body)
    }

    /// A short page for a refusal or an error.
    static func message(title: String, text: String, vi: String?) -> [UInt8] {
        let translated = vi.map { "<p>\(e($0))</p>\n" } ?? ""
        return page(
            title,
            body:
                "<h1>\(e(title))</h1>\n\(translated)<p class=\"en\">\(e(text))</p>\n<p><a href=\"/\">Trang chủ / Home</a></p>"
        )
    }

    private static func nav(principal: Principal, csrf: String?) -> String {
        let who = principal.role == .vendor ? "vendor \(principal.vendor ?? "")" : "officer \(principal.name)"
        var html =
            "<nav><a href=\"/submissions\">Hồ sơ / Submissions</a><a href=\"/public/apps\">Danh sách công khai / Public list</a>"
        html += "<span>\(e(who))</span>"
        if let csrf {
            html +=
                "<form method=\"post\" action=\"/logout\" style=\"display:inline;padding:0;margin:0 0 0 16px;background:none\">"
            html +=
                "<input type=\"hidden\" name=\"csrf\" value=\"\(e(csrf))\"><button type=\"submit\">Đăng xuất / Log out</button></form>"
        }
        return html + "</nav>\n"
    }
}
