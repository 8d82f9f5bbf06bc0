import Foundation
import QRTestSupport
import Testing

/// The register, signed reports and re-certification through the built binary, as the centre runs them.
@Suite("qrconform certify --register / --signing-key, verify-report, register", .serialized)
struct RegisterCommandTests {
    static let plan = "TestVectors/submissions/test-plan.json"
    static let trust = "TestVectors/keys/test-trust-list.jwks.json"
    static let key = "TestVectors/keys/test-only-centre-report-key.private.jwk.json"
    static let centre = "TestVectors/keys/test-centre-report-keys.jwks.json"

    static func work() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "qrconform-register-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A submission of one screenshot of pass-acme under its own id, so every one has its own digest.
    static func smallSubmission(_ id: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(id)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: CLIRunner.repoRoot.appendingPathComponent("TestVectors/submissions/pass-acme/p01-default.png"),
            to: url.appendingPathComponent("p01-default.png"))
        let manifest = """
            {"format_version": 1, "submission_id": "\(id)", "vendor": "Concurrent (TEST)",
             "app": {"name": "App \(id)", "version": "1.0.0", "platform": "android"}, "spec": "vn-personal-qr@1.1",
             "screenshots": [{"file": "p01-default.png", "persona": "P01", "display_mode": "default",
                              "device": "Pixel 7 (emulator)", "ppi": 416}]}
            """
        try Data(manifest.utf8).write(to: url.appendingPathComponent("submission.json"))
        return url.path
    }

    @Test("two certify processes writing one new register at once leave exactly 10 runs")
    func concurrentCertifyRunsLoseNothing() throws {
        let work = try Self.work()
        defer { try? FileManager.default.removeItem(at: work) }
        let register = work.appendingPathComponent("register.sqlite").path
        var processes: [(Process, Pipe)] = []
        for batch in 0..<2 {
            let submissions = try (0..<5).map { try Self.smallSubmission("S\(batch)-\($0)", in: work) }
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.currentDirectoryURL = CLIRunner.repoRoot
            process.arguments =
                [
                    "certify", "--quiet", "--jobs", "1", "--test-plan", Self.plan, "--trust-list", Self.trust,
                    "--at", "2026-01-15T00:00:00Z", "--register", register,
                    "--output", work.appendingPathComponent("reports-\(batch)").path,
                ] + submissions
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            processes.append((process, err))
        }
        for (process, _) in processes { try process.run() }
        for (process, err) in processes {
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 1, "\(stderr)")  // each fails SUB-004: one persona, one mode
            #expect(!stderr.contains("register \(register):"), "\(stderr)")
        }
        let list = try CLIRunner.run(["register", "list", "--register", register])
        #expect(list.status == 0, "\(list.stderr)")
        let rows = String(decoding: list.stdout, as: UTF8.self).split(separator: "\n").dropFirst()
        let ids: [String] = rows.map { row in String(row.prefix { $0 != " " }) }
        let expected: [String] = (1...10).map { String($0) }
        #expect(ids == expected)
        let exported = try CLIRunner.run(["register", "export", "--register", register, "--format", "json"])
        let list10 = try #require(exported.json?["apps"] as? [[String: Any]])
        #expect(list10.count == 10)
    }

    @Test("signed reports verify, reproduce byte for byte, fail on one changed byte; recertify under 1.2 exits 1")
    func signedReportsAndRecertification() throws {
        let work = try Self.work()
        defer { try? FileManager.default.removeItem(at: work) }
        let register = work.appendingPathComponent("register.sqlite").path
        let out = work.appendingPathComponent("reports").path
        let certify = try CLIRunner.run([
            "certify", "--jobs", "1", "--test-plan", Self.plan, "--trust-list", Self.trust, "--at",
            "2026-01-15T00:00:00Z",
            "--register", register, "--signing-key", Self.key, "--output", out,
            "TestVectors/submissions/pass-level-m", "TestVectors/submissions/pass-acme.zip",
            "TestVectors/submissions/fail-missing-mode",
        ])
        #expect(certify.status == 1, "\(certify.stderr)")
        #expect(certify.stderr.contains("ACME-PASS-LEVEL-M: recorded as run 1 in \(register)"), "\(certify.stderr)")
        let again = try CLIRunner.run([
            "certify", "--jobs", "1", "--test-plan", Self.plan, "--trust-list", Self.trust, "--register", register,
            "--output", work.appendingPathComponent("again").path, "TestVectors/submissions/fail-missing-mode",
        ])
        #expect(
            again.stderr.contains(
                "ACME-FAIL-MISSING-MODE: already recorded as run 3 in \(register) (same submission, same spec)"),
            "\(again.stderr)")

        for (folder, submission) in [
            ("ACME-PASS-ACME-ZIP", "TestVectors/submissions/pass-acme.zip"),
            ("ACME-FAIL-MISSING-MODE", "TestVectors/submissions/fail-missing-mode"),
        ] {
            let verify = try CLIRunner.run([
                "verify-report", "\(out)/\(folder)/report.json", "--trust-list", Self.centre, "--submission",
                submission,
                "--jobs", "1",
            ])
            #expect(verify.status == 0, "\(verify.stderr)")
            let text = String(decoding: verify.stdout, as: UTF8.self)
            #expect(
                text.contains(
                    "valid: \(out)/\(folder)/report.json is signed by qrconform TEST-ONLY certification centre"))
            #expect(
                text.contains(
                    "reproducible: \(submission) judged again under vn-personal-qr@1.1 at 2026-01-15T00:00:00Z"))
        }

        let original = "\(out)/ACME-PASS-LEVEL-M/report.json"
        let html = try String(contentsOfFile: "\(out)/ACME-PASS-LEVEL-M/report.html", encoding: .utf8)
        #expect(html.contains("qrconform TEST-ONLY certification centre"))
        #expect(html.contains("CYGexlTGS6MaWZVwXE2KMVL9RcygZxYz52VhPWZ6Dh8"))
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: original)))
        bytes[bytes.count / 2] ^= 0x20
        let tampered = work.appendingPathComponent("tampered.json").path
        try Data(bytes).write(to: URL(fileURLWithPath: tampered))
        let bad = try CLIRunner.run([
            "verify-report", tampered, "--trust-list", Self.centre, "--signature", original + ".jws",
        ])
        #expect(bad.status == 2)
        #expect(
            bad.stderr == "qrconform: \(tampered): invalid: the signature does not match the report's bytes "
                + "(the report or its signature was changed after signing)\n")

        let privateD = try Self.privateScalar()
        for file in [register, original, original + ".jws", "\(out)/ACME-PASS-LEVEL-M/report.html"] {
            let content = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(content.range(of: Data(privateD.utf8)) == nil, "the private key is in \(file)")
        }

        // What the register shows holds no personal data of the test personas (the screenshots stay archived).
        let secrets = ["001093029317", "1987-01-18", "HS4010120878821", "079201004512", "2001-11-05", "0912345678"]
        for arguments in [["list"], ["show", "1", "--json"], ["show", "1"], ["export", "--format", "html"]] {
            let shown = try CLIRunner.run(["register"] + arguments + ["--register", register])
            #expect(shown.status == 0, "\(arguments): \(shown.stderr)")
            let text = String(decoding: shown.stdout, as: UTF8.self)
            #expect(text.contains("Sen Vang"), "\(arguments)")
            for secret in secrets { #expect(!text.contains(secret), "\(arguments) shows \(secret)") }
        }

        let recertify = try CLIRunner.run([
            "register", "recertify", "--register", register, "--spec", "vn-personal-qr@1.2", "--at", "2026-01-15",
            "--jobs", "1",
        ])
        #expect(recertify.status == 1, "\(recertify.stderr)")
        let report = String(decoding: recertify.stdout, as: UTF8.self)
        #expect(report.contains("Sen Vang 1.8.0 (android):\n  SYM-002: pass → fail"), "\(report)")
        #expect(report.hasSuffix("Certified now, but not under vn-personal-qr@1.2: Sen Vang 1.8.0 (android) (fail)\n"))
    }

    @Test(
        "verify-report reads the submission in a worker, as certify does: a crash there is exit 2, not verify-report's")
    func verifyReportReadsTheSubmissionInAWorker() throws {
        let work = try Self.work()
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("reports").path
        let submission = "TestVectors/submissions/pass-acme.zip"
        let certify = try CLIRunner.run([
            "certify", "--jobs", "1", "--test-plan", Self.plan, "--trust-list", Self.trust, "--at",
            "2026-01-15T00:00:00Z",
            "--signing-key", Self.key, "--output", out, submission,
        ])
        #expect(certify.status == 0, "\(certify.stderr)")
        let verify = try CLIRunner.run(
            [
                "verify-report", "\(out)/ACME-PASS-ACME-ZIP/report.json", "--trust-list", Self.centre,
                "--submission", submission, "--jobs", "1",
            ], environment: ["QRCONFORM_TEST_FAULTS": "crash-read=pass-acme.zip"])
        #expect(verify.status == 2, "\(verify.stderr)")
        #expect(
            verify.stderr.hasSuffix(
                "invalid: judging \(submission) again gives another report, since it could not be read now: \(submission): "
                    + "the submission reader crashed (signal 6 (Aborted))\n"),
            "\(verify.stderr)")
    }

    static func privateScalar() throws -> String {
        let data = try Data(contentsOf: CLIRunner.repoRoot.appendingPathComponent(key))
        let jwk = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(jwk["d"] as? String)
    }

    @Test("bad register files and signing keys are exit 2 with the file and the problem, before any judging")
    func badInputsStopBeforeJudging() throws {
        let work = try Self.work()
        defer { try? FileManager.default.removeItem(at: work) }
        let text = work.appendingPathComponent("notes.sqlite").path
        try Data("not a database\n".utf8).write(to: URL(fileURLWithPath: text))
        let cases: [([String], String)] = [
            (["--register", text], "qrconform: register \(text): not an SQLite database (file is not a database)\n"),
            (
                ["--signing-key", Self.centre],
                "qrconform: \(Self.centre): not an EC P-256 private key: the file is a key set (JWKS); give one private JWK\n"
            ),
        ]
        for (options, message) in cases {
            let run = try CLIRunner.run(
                [
                    "certify", "--test-plan", Self.plan, "--trust-list", Self.trust, "--output",
                    work.appendingPathComponent("r").path,
                ]
                    + options + ["TestVectors/submissions/pass-acme"])
            #expect(run.status == 2)
            #expect(run.stderr == message)
            #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("r").path))
        }
    }
}
