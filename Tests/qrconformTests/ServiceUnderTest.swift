import Foundation
import QRTestSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A `qrconform serve` process of the built binary on a free loopback port, with its own data folder and tokens,
/// spoken to over real HTTP; stopped (SIGTERM) and its folder removed by `stop()`.
final class ServiceUnderTest: @unchecked Sendable {
    struct Reply: Sendable {
        let status: Int
        let headers: [String: String]
        let body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    static let plan = "TestVectors/submissions/test-plan.json"
    static let trust = "TestVectors/keys/test-trust-list.jwks.json"
    static let key = "TestVectors/keys/test-only-centre-report-key.private.jwk.json"
    static let acmeZip = "TestVectors/submissions/pass-acme.zip"
    static let acme = "ACME Software (TEST)"

    let data: URL
    let extraArguments: [String]
    private(set) var process: Process?
    private(set) var port = 0
    private(set) var log = URL(fileURLWithPath: "/dev/null")
    let vendorToken: String
    let otherVendorToken: String
    let officerToken: String
    private let session: URLSession

    init(_ extraArguments: [String] = []) throws {
        data = FileManager.default.temporaryDirectory.appendingPathComponent("qrconform-serve-\(UUID().uuidString)")
        self.extraArguments = extraArguments
        vendorToken = try Self.issue(data, ["--role", "vendor", "--vendor", Self.acme, "--name", "ACME CI"])
        otherVendorToken = try Self.issue(
            data, ["--role", "vendor", "--vendor", "Sen Vang Tech (TEST)", "--name", "Sen Vang CI"])
        officerToken = try Self.issue(data, ["--role", "officer", "--name", "Officer Test"])
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.timeoutIntervalForRequest = 60
        session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
        try start()
    }

    /// Issues a token with `serve admin issue-token`; returns its secret.
    static func issue(_ data: URL, _ arguments: [String]) throws -> String {
        let run = try CLIRunner.run(["serve", "admin", "issue-token", "--data", data.path] + arguments)
        guard run.status == 0 else { throw Failure("issue-token failed: \(run.stderr)") }
        return String(decoding: run.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Starts the server (again, after a stop or a kill) on the same data folder; waits for its port file.
    func start() throws {
        let portFile = data.appendingPathComponent("port")
        try? FileManager.default.removeItem(at: portFile)
        log = data.appendingPathComponent("serve-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.currentDirectoryURL = CLIRunner.repoRoot
        process.arguments =
            [
                "serve", "--data", data.path, "--port", "0", "--port-file", portFile.path, "--test-plan", Self.plan,
                "--trust-list", Self.trust, "--signing-key", Self.key, "--jobs", "1",
            ] + extraArguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let text = try? String(contentsOf: portFile, encoding: .utf8),
                let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)), port > 0
            {
                self.port = port
                return
            }
            guard process.isRunning else { throw Failure("serve exited at start: \(logText)") }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure("serve did not listen within 60 s: \(logText)")
    }

    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// SIGKILL: no shutdown at all, as a crash or a power cut.
    func kill() {
        guard let process, process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM, waits for the exit, removes the data folder.
    func stop() {
        if let process, process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: data)
    }

    func request(
        _ method: String, _ path: String, token: String? = nil, headers: [String: String] = [:], body: Data? = nil
    ) async throws -> Reply {
        guard let url = URL(string: "http://127.0.0.1:\(port)\(path)") else { throw Failure("bad path \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw Failure("not an HTTP response") }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name] = value }
        }
        return Reply(status: http.statusCode, headers: fields, body: data)
    }

    /// Uploads zip bytes as the vendor; returns the reply (202 with the job, or a refusal).
    func upload(_ bytes: Data, token: String? = nil, mode: String? = nil) async throws -> Reply {
        try await request(
            "POST", "/api/v1/submissions" + (mode.map { "?mode=\($0)" } ?? ""), token: token ?? vendorToken,
            headers: ["Content-Type": "application/zip"], body: bytes)
    }

    /// Polls a job until it is done or failed (bounded); returns its last status document.
    func waitJudged(_ id: String, token: String? = nil, seconds: Double = 180) async throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let reply = try await request("GET", "/api/v1/submissions/\(id)", token: token ?? vendorToken)
            if let job = reply.json, let state = job["state"] as? String, state == "done" || state == "failed" {
                return job
            }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        throw Failure("job \(id) not judged within \(seconds) s: \(logText)")
    }

    static func bundledZip() throws -> Data {
        try Data(contentsOf: CLIRunner.repoRoot.appendingPathComponent(acmeZip))
    }

    /// The bundled zip with a zip comment: a different upload (another digest) of the same valid submission.
    static func variant(_ tag: String) throws -> Data {
        var bytes = [UInt8](try bundledZip())
        let comment = Array(tag.utf8)
        // The end-of-central-directory record is the last 22 bytes (no comment yet); its last field is the length.
        let lengthOffset = bytes.count - 2
        bytes[lengthOffset] = UInt8(comment.count & 0xFF)
        bytes[lengthOffset + 1] = UInt8(comment.count >> 8)
        return Data(bytes + comment)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

/// Hands every 3xx to the test as it is, so redirects and their cookies can be checked.
private final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
