import Foundation
import QRConformance
import Testing

@testable import QRRegister

@Suite struct RegisterTests {
    typealias F = RegisterFixtures

    @Test func aRecordedRunReadsBackWithItsRuleCountsAndArchivedContent() throws {
        let folder = try F.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let register = try Register.open(path: folder.appendingPathComponent("r.sqlite").path)
        let contents = F.contents()
        let report = F.report(findings: [F.finding("SUB-001", .pass), F.finding("SUB-004", .fail)])
        let outcome = try register.record(F.run(report, contents: contents), contents: contents)
        #expect(outcome == .recorded(1))
        let run = try register.run(id: 1)
        #expect(run.verdict == .fail)
        #expect(run.appLabel == "ACME ID 2.3.1 (android)")
        #expect(run.submissionSHA256 == SubmissionArchive.treeSHA256(contents))
        #expect(run.specID == "vn-personal-qr" && run.specVersion == "1.1" && run.specSHA256 == F.spec11.sha256)
        #expect(run.testPlanSHA256 == Hashing.sha256Hex(Array("plan".utf8)))
        #expect(run.reportSHA256 == Hashing.sha256Hex([UInt8](try report.jsonData())))
        #expect(
            run.rules == [
                RuleCounts(rule: "SUB-001", pass: 1, severity: .error),
                RuleCounts(rule: "SUB-004", fail: 1, severity: .error),
            ])
        let archived = try #require(try register.contents(of: run))
        #expect(archived == contents)
    }

    @Test func theTreeDigestIsSha256sumOfTheSortedListing() {
        let contents = F.contents()
        let listing = SubmissionArchive.files(of: contents).map { "\(Hashing.sha256Hex($0.bytes))  \($0.path)\n" }
        #expect(
            SubmissionArchive.files(of: contents).map(\.path) == [
                "nested/p02-full.png", "p01-default.png", "submission.json",
            ])
        #expect(SubmissionArchive.treeSHA256(contents) == Hashing.sha256Hex(Array(listing.joined().utf8)))
        #expect(SubmissionArchive.treeSHA256(contents) != SubmissionArchive.treeSHA256(F.contents("b")))
    }

    @Test func recordingTheSameSubmissionUnderTheSameSpecAgainWritesNothing() throws {
        let folder = try F.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("r.sqlite").path
        let register = try Register.open(path: path)
        let contents = F.contents()
        #expect(try register.record(F.run(F.report(), contents: contents), contents: contents) == .recorded(1))
        let later = F.report(time: "2026-05-05T00:00:00Z")
        #expect(try register.record(F.run(later, contents: contents), contents: contents) == .alreadyRecorded(1))
        #expect(try register.runs().count == 1)
        let other = F.contents("b")
        #expect(try register.record(F.run(F.report(), contents: other), contents: other) == .recorded(2))
    }

    @Test func theLatestRunOfEachAppAndVersionIsWhatThePublicListShows() throws {
        let folder = try F.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let register = try Register.open(path: folder.appendingPathComponent("r.sqlite").path)
        let runs: [(String, String, [Finding], String)] = [
            ("a", "2.3.1", [F.finding("SUB-004", .fail)], "2026-01-01T00:00:00Z"),
            ("b", "2.3.1", [], "2026-02-01T00:00:00Z"),
            ("c", "2.4.0", [F.finding("SUB-004", .fail)], "2026-03-01T00:00:00Z"),
        ]
        for (tag, version, findings, at) in runs {
            let contents = F.contents(tag)
            _ = try register.record(
                F.run(F.report(version: version, findings: findings), contents: contents, recordedAt: at),
                contents: contents)
        }
        let list = PublicList(runs: try register.latestPerApp())
        #expect(list.apps.map(\.version) == ["2.3.1", "2.4.0"])
        #expect(list.apps.map(\.verdict) == [.pass, .fail])
        #expect(list.apps.map(\.certified) == [true, false])
        #expect(list.apps.map(\.run) == [2, 3])
        #expect(try register.runs(.init(verdict: .fail)).map(\.id) == [1, 3])
        #expect(try register.runs(.init(app: "acme", since: "2026-02-01T00:00:00Z")).map(\.id) == [2, 3])
        #expect(try register.runs(.init(app: "other")).isEmpty)
    }
}
