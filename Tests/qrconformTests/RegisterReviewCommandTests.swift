import Foundation
import QRTestSupport
import Testing

/// `register review` through the built binary: refusals, an override, and what show, list and export say after.
@Suite("qrconform register review", .serialized)
struct RegisterReviewCommandTests {
    @Test("a review is refused without --override for fail → pass, recorded with it, and shown everywhere")
    func reviewThroughTheCommandLine() throws {
        let work = try RegisterCommandTests.work()
        defer { try? FileManager.default.removeItem(at: work) }
        let register = work.appendingPathComponent("register.sqlite").path
        let certify = try CLIRunner.run([
            "certify", "--quiet", "--jobs", "1", "--test-plan", RegisterCommandTests.plan, "--trust-list",
            RegisterCommandTests.trust, "--at", "2026-01-15T00:00:00Z", "--register", register, "--output",
            work.appendingPathComponent("reports").path, try RegisterCommandTests.smallSubmission("R-1", in: work),
        ])
        #expect(certify.status == 1, "\(certify.stderr)")  // SUB-004 fails: one persona, one mode
        let review = ["register", "review", "--register", register, "1", "--reviewer", "Trần Thị B"]
        let cases: [([String], Int32, String)] = [
            (
                ["--rule", "SUB-004", "--decision", "pass", "--reason", "full mode sent separately"], 2,
                "qrconform: register \(register): run 1, rule SUB-004: the machine's outcome is fail; turning it "
                    + "into pass needs --override (and is shown as an override); nothing was recorded\n"
            ),
            (
                ["--rule", "XYZ-001", "--decision", "fail", "--reason", "r"], 2,
                "has no finding of rule XYZ-001"
            ),
            (["--rule", "SUB-004", "--decision", "pass", "--reason", " "], 64, "--reason must not be empty"),
            (["--rule", "SUB-004", "--decision", "maybe", "--reason", "r"], 64, "maybe"),
        ]
        for (arguments, status, message) in cases {
            let refused = try CLIRunner.run(review + arguments)
            #expect(refused.status == status, "\(arguments): \(refused.stderr)")
            #expect(refused.stderr.contains(message), "\(refused.stderr)")
        }
        let unknownRun = try CLIRunner.run([
            "register", "review", "--register", register, "7", "--rule", "SUB-004", "--decision", "fail",
            "--reviewer", "B", "--reason", "r",
        ])
        #expect(unknownRun.status == 2 && unknownRun.stderr.contains("no run 7 in the register"))

        let accepted = try CLIRunner.run(
            review + [
                "--rule", "SUB-004", "--decision", "pass", "--reason", "full mode sent separately", "--override",
                "--at", "2026-01-20T16:00:00+07:00",
            ])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(
            String(decoding: accepted.stdout, as: UTF8.self)
                == "run 1, rule SUB-004: fail by the machine, pass by Trần Thị B at 2026-01-20T09:00:00Z (override), "
                + "recorded as review 1; verdict: machine fail, effective pass\n")

        let show = String(
            decoding: try CLIRunner.run(["register", "show", "1", "--register", register]).stdout, as: UTF8.self)
        #expect(show.hasPrefix("run 1: pass (machine fail, after review)\n"), "\(show)")
        #expect(show.contains("SUB-004        fail     pass      yes       yes       Trần Thị B"), "\(show)")
        #expect(show.contains("2026-01-20T09:00:00Z  full mode sent separately"), "\(show)")
        #expect(show.hasSuffix("effective verdict  pass (overrides a machine fail)\n"), "\(show)")
        let json = try #require(try CLIRunner.run(["register", "show", "1", "--json", "--register", register]).json)
        #expect(json["verdict"] as? String == "fail" && json["effective_verdict"] as? String == "pass")
        let reviews = try #require(json["reviews"] as? [[String: Any]])
        #expect(reviews.first?["reviewer"] as? String == "Trần Thị B" && reviews.first?["override"] as? Bool == true)

        let list = String(
            decoding: try CLIRunner.run(["register", "list", "--register", register]).stdout, as: UTF8.self)
        #expect(list.contains("fail     pass (1 rule, override)"), "\(list)")
        let export = try #require(
            try CLIRunner.run(["register", "export", "--format", "json", "--register", register]).json)
        let entry = try #require((export["apps"] as? [[String: Any]])?.first)
        #expect(entry["verdict"] as? String == "pass" && entry["machine_verdict"] as? String == "fail")
        #expect(entry["overridden_rules"] as? [String] == ["SUB-004"] && entry["certified"] as? Bool == true)
        let html = String(
            decoding: try CLIRunner.run(["register", "export", "--format", "html", "--register", register]).stdout,
            as: UTF8.self)
        #expect(html.contains("overrides a machine FAIL: SUB-004"))
    }
}
