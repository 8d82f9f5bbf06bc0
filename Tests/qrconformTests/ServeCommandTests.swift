import Foundation
import QRRegister
import QRTestSupport
import Testing

/// `qrconform serve` over real HTTP on loopback, as vendors, officers and browsers use it. Each test runs its own
/// server on its own port and data folder; they run one at a time, since each waits on a judgement in real time and
/// the test processes' blocking calls would otherwise starve them on a 2-core machine.
@Suite("qrconform serve over HTTP", .serialized)
struct ServeCommandTests {
    @Test("a vendor uploads the bundled zip, sees it queued then done, and downloads reports that verify")
    func uploadStatusReport() async throws {
        let service = try ServiceUnderTest()
        defer { service.stop() }
        let upload = try await service.upload(try ServiceUnderTest.bundledZip())
        #expect(upload.status == 202, "\(upload.text)")
        let id = try #require(upload.json?["id"] as? String)
        #expect(upload.header("Location") == "/api/v1/submissions/\(id)")
        let job = try await service.waitJudged(id)
        #expect(job["state"] as? String == "done")
        #expect(job["verdict"] as? String == "pass")
        #expect(job["run"] as? Int != nil)
        let report = try await service.request(
            "GET", "/api/v1/submissions/\(id)/report.json", token: service.vendorToken)
        let jws = try await service.request(
            "GET", "/api/v1/submissions/\(id)/report.json.jws", token: service.vendorToken)
        let keys = try await service.request("GET", "/.well-known/jwks.json")
        #expect(report.status == 200 && jws.status == 200 && keys.status == 200)
        #expect(report.json?["test_only"] == nil)
        let folder = service.data.appendingPathComponent("downloaded")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try report.body.write(to: folder.appendingPathComponent("report.json"))
        try jws.body.write(to: folder.appendingPathComponent("report.json.jws"))
        try keys.body.write(to: folder.appendingPathComponent("jwks.json"))
        let verified = try CLIRunner.run([
            "verify-report", folder.appendingPathComponent("report.json").path, "--trust-list",
            folder.appendingPathComponent("jwks.json").path,
        ])
        #expect(verified.status == 0, "\(verified.stderr)")
        let html = try await service.request("GET", "/api/v1/submissions/\(id)/report.html", token: service.vendorToken)
        #expect(html.status == 200 && html.text.contains("ACME-PASS-ACME"))
        let junit = try await service.request("GET", "/api/v1/submissions/\(id)/junit.xml", token: service.vendorToken)
        #expect(junit.status == 200 && junit.text.contains("<testsuites"))
    }

    @Test("a self-test is judged like a certification, marked TEST ONLY everywhere, unsigned, and not recorded")
    func selfTestLeavesTheRegisterUnchanged() async throws {
        let service = try ServiceUnderTest()
        defer { service.stop() }
        let register = service.data.appendingPathComponent("register.sqlite").path
        let before = try Register.open(path: register, access: .readOnly).runs()
        let upload = try await service.upload(try ServiceUnderTest.bundledZip(), mode: "self-test")
        let id = try #require(upload.json?["id"] as? String)
        #expect(upload.json?["test_only"] as? Bool == true)
        let job = try await service.waitJudged(id)
        #expect(job["state"] as? String == "done" && job["verdict"] as? String == "pass")
        #expect(job["run"] == nil)
        let report = try await service.request(
            "GET", "/api/v1/submissions/\(id)/report.json", token: service.vendorToken)
        #expect((report.json?["test_only"] as? String)?.hasPrefix("TEST ONLY — not a certification") == true)
        let html = try await service.request("GET", "/api/v1/submissions/\(id)/report.html", token: service.vendorToken)
        #expect(html.text.contains("id=\"test-only\""))
        let junit = try await service.request("GET", "/api/v1/submissions/\(id)/junit.xml", token: service.vendorToken)
        #expect(junit.text.contains("name=\"test_only\""))
        let page = try await service.request("GET", "/submissions/\(id)", token: service.vendorToken)
        #expect(page.text.contains("TEST ONLY"))
        let jws = try await service.request(
            "GET", "/api/v1/submissions/\(id)/report.json.jws", token: service.vendorToken)
        #expect(jws.status == 404 && jws.text.contains("not signed"))
        let after = try Register.open(path: register, access: .readOnly).runs()
        #expect(before == after)
        #expect(after.isEmpty)
    }

    @Test("another vendor's submission is 404 everywhere, exactly like an unknown id, and absent from their list")
    func vendorsSeeOnlyTheirOwn() async throws {
        let service = try ServiceUnderTest()
        defer { service.stop() }
        let upload = try await service.upload(try ServiceUnderTest.bundledZip())
        let id = try #require(upload.json?["id"] as? String)
        _ = try await service.waitJudged(id)
        let unknown = "AAAAAAAAAAAAAAAAAAAAAA"
        for path in ["", "/report.json", "/report.html", "/junit.xml", "/report.json.jws"] {
            let other = try await service.request(
                "GET", "/api/v1/submissions/\(id)\(path)", token: service.otherVendorToken)
            let none = try await service.request(
                "GET", "/api/v1/submissions/\(unknown)\(path)", token: service.otherVendorToken)
            #expect(other.status == 404, "\(path)")
            #expect(none.status == 404, "\(path)")
        }
        let page = try await service.request("GET", "/submissions/\(id)", token: service.otherVendorToken)
        #expect(page.status == 404)
        let list = try await service.request("GET", "/api/v1/submissions", token: service.otherVendorToken)
        #expect((list.json?["submissions"] as? [Any])?.isEmpty == true)
        let mine = try await service.request("GET", "/api/v1/submissions", token: service.vendorToken)
        #expect((mine.json?["submissions"] as? [Any])?.count == 1)
    }

    @Test("officer-only actions are refused to vendors; an officer reviews, publishes and withdraws, each recorded")
    func officerActions() async throws {
        let service = try ServiceUnderTest()
        defer { service.stop() }
        let upload = try await service.upload(try ServiceUnderTest.bundledZip())
        let id = try #require(upload.json?["id"] as? String)
        let job = try await service.waitJudged(id)
        let run = try #require(job["run"] as? Int)
        let json = ["Content-Type": "application/json"]
        let publish = Data(#"{"action": "publish", "reason": "certified after review"}"#.utf8)
        let review = Data(#"{"rule": "SYM-001", "decision": "pass", "reason": "checked by hand"}"#.utf8)
        for (method, path, body) in [
            ("GET", "/api/v1/queue", nil), ("POST", "/api/v1/runs/\(run)/publication", publish),
            ("POST", "/api/v1/runs/\(run)/reviews", review),
        ] as [(String, String, Data?)] {
            let refused = try await service.request(
                method, path, token: service.vendorToken, headers: json, body: body)
            #expect(refused.status == 403, "\(method) \(path): \(refused.status)")
        }
        let queue = try await service.request("GET", "/api/v1/queue", token: service.officerToken)
        #expect(queue.status == 200)
        let report = try await service.request(
            "GET", "/api/v1/submissions/\(id)/report.json", token: service.officerToken)
        let images = try #require(report.json?["images"] as? [[String: Any]])
        let rule = try #require((images.first?["findings"] as? [[String: Any]])?.first?["rule"] as? String)
        let decision = Data(#"{"rule": "\#(rule)", "decision": "pass", "reason": "checked by hand"}"#.utf8)
        let reviewed = try await service.request(
            "POST", "/api/v1/runs/\(run)/reviews", token: service.officerToken, headers: json, body: decision)
        #expect(reviewed.status == 201, "\(reviewed.text)")
        #expect(reviewed.json?["reviewer"] as? String == "Officer Test")
        #expect(reviewed.json?["rule"] as? String == rule)
        let unknownRun = try await service.request(
            "POST", "/api/v1/runs/999/reviews", token: service.officerToken, headers: json, body: decision)
        #expect(unknownRun.status == 404)
        let published = try await service.request(
            "POST", "/api/v1/runs/\(run)/publication", token: service.officerToken, headers: json, body: publish)
        #expect(published.status == 201, "\(published.text)")
        #expect(published.json?["officer"] as? String == "Officer Test")
        let list = try await service.request("GET", "/public/apps.json")
        let apps = try #require(list.json?["apps"] as? [[String: Any]])
        #expect(apps.count == 1 && apps.first?["run"] as? Int == run)
        let page = try await service.request("GET", "/public/apps")
        #expect(page.status == 200 && page.text.contains("ACME"))
        let exported = try CLIRunner.run([
            "register", "export", "--published", "--format", "html", "--register",
            service.data.appendingPathComponent("register.sqlite").path,
        ])
        #expect(exported.status == 0 && exported.stdout == page.body)
        let withdraw = Data(#"{"action": "withdraw", "reason": "vendor asked"}"#.utf8)
        let withdrawn = try await service.request(
            "POST", "/api/v1/runs/\(run)/publication", token: service.officerToken, headers: json, body: withdraw)
        #expect(withdrawn.status == 201)
        let after = try await service.request("GET", "/public/apps.json")
        #expect((after.json?["apps"] as? [Any])?.isEmpty == true)
        let again = try await service.request(
            "POST", "/api/v1/runs/\(run)/publication", token: service.officerToken, headers: json, body: withdraw)
        #expect(again.status == 409)
    }

    @Test("browser login needs the form's nonce; an upload form posted without its CSRF token is refused")
    func formsNeedTheirCSRFToken() async throws {
        let service = try ServiceUnderTest()
        defer { service.stop() }
        let home = try await service.request("GET", "/")
        #expect(home.status == 200)
        #expect(home.header("Content-Security-Policy")?.contains("default-src 'none'") == true)
        #expect(home.text.contains("Đăng nhập") && home.text.contains("Log in"))
        let nonce = try #require(Self.cookie(home, "qrc_login"))
        #expect(home.header("Set-Cookie")?.contains("HttpOnly") == true)
        #expect(home.header("Set-Cookie")?.contains("SameSite=Strict") == true)
        let form = ["Content-Type": "application/x-www-form-urlencoded", "Cookie": "qrc_login=\(nonce)"]
        let token = service.vendorToken.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let forged = try await service.request(
            "POST", "/login", headers: form, body: Data("token=\(token)&csrf=wrong".utf8))
        #expect(forged.status == 403)
        let login = try await service.request(
            "POST", "/login", headers: form, body: Data("token=\(token)&csrf=\(nonce)".utf8))
        #expect(login.status == 303 && login.header("Location") == "/submissions")
        let session = try #require(Self.cookie(login, "qrc_session"))
        let cookie = ["Cookie": "qrc_session=\(session)"]
        let page = try await service.request("GET", "/submissions", headers: cookie)
        #expect(page.status == 200)
        let csrf = try #require(Self.hiddenCSRF(page.text))
        let zip = try ServiceUnderTest.bundledZip()
        let withoutToken = try await service.request(
            "POST", "/submissions", headers: cookie.merging(Self.multipart) { $1 },
            body: Self.form(fields: [("mode", "certification")], file: zip))
        #expect(withoutToken.status == 403)
        let wrongToken = try await service.request(
            "POST", "/submissions", headers: cookie.merging(Self.multipart) { $1 },
            body: Self.form(fields: [("csrf", "x" + csrf), ("mode", "certification")], file: zip))
        #expect(wrongToken.status == 403)
        let none = try await service.request("GET", "/api/v1/submissions", token: service.vendorToken)
        #expect((none.json?["submissions"] as? [Any])?.isEmpty == true)
        let posted = try await service.request(
            "POST", "/submissions", headers: cookie.merging(Self.multipart) { $1 },
            body: Self.form(fields: [("csrf", csrf), ("mode", "self-test")], file: zip))
        #expect(posted.status == 303)
        #expect(posted.header("Location")?.hasPrefix("/submissions/") == true)
        let logout = try await service.request(
            "POST", "/logout", headers: cookie.merging(["Content-Type": "application/x-www-form-urlencoded"]) { $1 },
            body: Data("csrf=\(csrf)".utf8))
        #expect(logout.status == 303)
        let gone = try await service.request("GET", "/submissions", headers: cookie)
        #expect(gone.status == 401)
    }

    @Test("an oversized or non-zip upload, or an oversized form, is refused with a clear message and nothing recorded")
    func badUploadsAreRefused() async throws {
        let service = try ServiceUnderTest(["--max-archive-bytes", "80000"])
        defer { service.stop() }
        var big = [UInt8](try ServiceUnderTest.bundledZip())
        big += [UInt8](repeating: 0, count: 20_000)
        let oversized = try await service.upload(Data(big))
        #expect(oversized.status == 413)
        #expect((oversized.json?["message"] as? String)?.contains("80000 bytes") == true)
        let text = try await service.upload(Data("not a zip at all".utf8))
        #expect(text.status == 400 && text.json?["code"] as? String == "not-a-zip")
        let empty = try await service.upload(Data())
        #expect(empty.status == 400)
        let list = try await service.request("GET", "/api/v1/submissions", token: service.vendorToken)
        #expect((list.json?["submissions"] as? [Any])?.isEmpty == true)
        let uploads = try FileManager.default.contentsOfDirectory(
            atPath: service.data.appendingPathComponent("uploads").path)
        #expect(uploads.isEmpty, "\(uploads)")
        let hugeForm = try await service.request(
            "POST", "/login", headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Data(repeating: UInt8(ascii: "a"), count: 200_000))
        #expect(hugeForm.status == 413)
        let metrics = try await service.request("GET", "/metrics")
        #expect(metrics.text.contains("qrconform_uploads_refused_total{reason=\"too-large\"} 1"))
        #expect(metrics.text.contains("qrconform_uploads_refused_total{reason=\"not-a-zip\"} 1"))
    }

    @Test("a revoked token is refused at once, and so are its browser sessions")
    func revokedTokensAreRefused() async throws {
        let service = try ServiceUnderTest()
        defer { service.stop() }
        let ok = try await service.request("GET", "/api/v1/submissions", token: service.otherVendorToken)
        #expect(ok.status == 200)
        let home = try await service.request("GET", "/")
        let nonce = try #require(Self.cookie(home, "qrc_login"))
        let token = service.otherVendorToken.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let login = try await service.request(
            "POST", "/login",
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": "qrc_login=\(nonce)"],
            body: Data("token=\(token)&csrf=\(nonce)".utf8))
        let session = try #require(Self.cookie(login, "qrc_session"))
        let page = try await service.request("GET", "/submissions", headers: ["Cookie": "qrc_session=\(session)"])
        #expect(page.status == 200)
        let tokens = try CLIRunner.run(["serve", "admin", "tokens", "--data", service.data.path])
        let line = try #require(
            tokens.stdout.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
                .first { $0.contains("Sen Vang CI") })
        let id = try #require(line.split(separator: " ").first.map(String.init))
        let revoke = try CLIRunner.run(["serve", "admin", "revoke-token", "--data", service.data.path, id])
        #expect(revoke.status == 0, "\(revoke.stderr)")
        let refused = try await service.request("GET", "/api/v1/submissions", token: service.otherVendorToken)
        #expect(refused.status == 401)
        let upload = try await service.upload(try ServiceUnderTest.bundledZip(), token: service.otherVendorToken)
        #expect(upload.status == 401)
        let ended = try await service.request("GET", "/submissions", headers: ["Cookie": "qrc_session=\(session)"])
        #expect(ended.status == 401)
    }

    @Test("killed with SIGKILL while judging and started again, every accepted submission is judged and recorded once")
    func sigkillWhileJudgingLosesNothing() async throws {
        let service = try ServiceUnderTest()
        defer { service.stop() }
        var ids: [String] = []
        for tag in ["a", "b", "c"] {
            let upload = try await service.upload(try ServiceUnderTest.variant(tag))
            #expect(upload.status == 202)
            ids.append(try #require(upload.json?["id"] as? String))
        }
        // Kill as soon as the first is being judged.
        let deadline = Date().addingTimeInterval(60)
        var running = false
        while Date() < deadline, !running {
            let job = try await service.request("GET", "/api/v1/submissions/\(ids[0])", token: service.vendorToken)
            running = job.json?["state"] as? String == "running"
            if !running { try await Task.sleep(nanoseconds: 20_000_000) }
        }
        #expect(running)
        service.kill()
        try service.start()
        var runs: [Int] = []
        for id in ids {
            let job = try await service.waitJudged(id, seconds: 240)
            #expect(job["state"] as? String == "done", "\(job)")
            runs.append(try #require(job["run"] as? Int))
        }
        let first = try await service.request("GET", "/api/v1/submissions/\(ids[0])", token: service.vendorToken)
        #expect(first.json?["attempts"] as? Int == 2)
        let register = try Register.open(
            path: service.data.appendingPathComponent("register.sqlite").path, access: .readOnly)
        let recorded = try register.runs()
        #expect(recorded.count == 3)
        #expect(Set(recorded.compactMap(\.id).map(Int.init)) == Set(runs))
        #expect(Set(recorded.compactMap(\.submissionSHA256)).count == 3)
    }

    @Test("a full queue answers 429 with Retry-After and queues nothing more")
    func fullQueueAnswers429() async throws {
        let service = try ServiceUnderTest(["--queue-limit", "1"])
        defer { service.stop() }
        // Four uploads at once: the queue holds one, so at least three are refused (more only if a judgement finished
        // between two arrivals, which takes seconds).
        let zips = try ["a", "b", "c", "d"].map(ServiceUnderTest.variant)
        let replies = try await withThrowingTaskGroup(of: ServiceUnderTest.Reply.self) { group in
            for zip in zips { group.addTask { try await service.upload(zip) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let accepted = replies.filter { $0.status == 202 }
        let refused = replies.filter { $0.status == 429 }
        #expect(accepted.count >= 1 && accepted.count + refused.count == 4, "\(replies.map(\.status))")
        #expect(refused.count >= 1)
        for reply in refused {
            #expect(Int(reply.header("Retry-After") ?? "") ?? 0 >= 1)
            #expect(reply.json?["code"] as? String == "queue-full")
        }
        let list = try await service.request("GET", "/api/v1/submissions", token: service.vendorToken)
        #expect((list.json?["submissions"] as? [Any])?.count == accepted.count)
    }

    @Test("SIGTERM while judging: the running judgement finishes, the process exits 0, the job is done once")
    func sigtermFinishesTheRunningJob() async throws {
        let service = try ServiceUnderTest()
        defer { service.stop() }
        let upload = try await service.upload(try ServiceUnderTest.bundledZip())
        let id = try #require(upload.json?["id"] as? String)
        let deadline = Date().addingTimeInterval(60)
        var running = false
        while Date() < deadline, !running {
            let job = try await service.request("GET", "/api/v1/submissions/\(id)", token: service.vendorToken)
            running = job.json?["state"] as? String == "running"
            if !running { try await Task.sleep(nanoseconds: 20_000_000) }
        }
        #expect(running)
        let process = try #require(service.process)
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(service.logText)")
        try service.start()
        let job = try await service.waitJudged(id)
        #expect(job["state"] as? String == "done")
        #expect(job["attempts"] as? Int == 1)
    }

    @Test("the log is one JSON object per line and never holds a token or a 12-digit ID number; /healthz answers")
    func logsAreStructuredAndHoldNoPersonalData() async throws {
        let service = try ServiceUnderTest()
        defer { service.stop() }
        let health = try await service.request("GET", "/healthz")
        #expect(health.status == 200 && health.json?["status"] as? String == "ok")
        let upload = try await service.upload(try ServiceUnderTest.bundledZip())
        let id = try #require(upload.json?["id"] as? String)
        _ = try await service.waitJudged(id)
        _ = try await service.request("GET", "/api/v1/submissions/\(id)/report.json", token: service.vendorToken)
        let lines = service.logText.split(separator: "\n")
        #expect(lines.count >= 4)
        for line in lines {
            let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            #expect(object?["message"] != nil, "\(line)")
        }
        #expect(!service.logText.contains(service.vendorToken))
        // Hummingbird's request ids are 32 hex digits, a run of twelve decimal ones among them now and then: not
        // personal data, so they are left out of the search.
        let withoutRequestIDs = service.logText.replacingOccurrences(
            of: #""hb\.request\.id":"[0-9a-fA-F]+""#, with: "", options: .regularExpression)
        #expect(withoutRequestIDs.contains("hb.request.id") == false)
        #expect(withoutRequestIDs.range(of: #"[0-9]{12}"#, options: .regularExpression) == nil, "\(withoutRequestIDs)")
    }

    static let boundary = "qrconformTestBoundary7d1f"
    static let multipart = ["Content-Type": "multipart/form-data; boundary=\(boundary)"]

    /// A multipart form body: the fields in order, then the zip as `file`.
    static func form(fields: [(String, String)], file: Data) -> Data {
        var body = Data()
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data(
            ("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"s.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").utf8)
        body += file
        body += Data("\r\n--\(boundary)--\r\n".utf8)
        return body
    }

    static func cookie(_ reply: ServiceUnderTest.Reply, _ name: String) -> String? {
        guard let header = reply.header("Set-Cookie"), header.hasPrefix("\(name)=") else { return nil }
        return header.dropFirst(name.count + 1).split(separator: ";").first.map(String.init)
    }

    static func hiddenCSRF(_ html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return html[range.upperBound...].split(separator: "\"").first.map(String.init)
    }
}
