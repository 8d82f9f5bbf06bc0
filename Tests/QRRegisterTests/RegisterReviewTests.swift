import Foundation
import QRConformance
import Testing

@testable import QRRegister

/// `Register.review`: a person's decision beside the machine's outcome, never over it.
@Suite struct RegisterReviewTests {
    typealias F = RegisterFixtures

    static let at = "2026-01-20T09:00:00Z"

    static func inconclusive(_ rule: String, _ severity: Severity) -> Finding {
        Finding(
            rule: rule, outcome: .inconclusive, severity: severity, message: "m", evidence: Evidence(), symbol: nil)
    }

    /// A register holding one run with the given findings, and its path's folder (removed by the caller).
    static func register(_ findings: [Finding]) throws -> (Register, URL) {
        let folder = try F.folder()
        let register = try Register.open(path: folder.appendingPathComponent("r.sqlite").path)
        let contents = F.contents()
        _ = try register.record(F.run(F.report(findings: findings), contents: contents), contents: contents)
        return (register, folder)
    }

    static func request(
        _ rule: String, _ decision: RuleReview.Decision, override: Bool = false, reviewer: String = "Trần Thị B",
        reason: String = "read at 200 %", at: String = at
    ) -> RuleReview.Request {
        RuleReview.Request(
            run: 1, rule: rule, decision: decision, reviewer: reviewer, reason: reason, override: override, at: at)
    }

    @Test func aDecisionIsRecordedWithReviewerAndTimeAndTheMachineVerdictIsKept() throws {
        let (register, folder) = try Self.register([
            F.finding("SUB-001", .pass), Self.inconclusive("DSP-002", .error),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try register.run(id: 1)
        #expect(before.verdict == .inconclusive)
        let review = try register.review(Self.request("DSP-002", .pass))
        #expect(review.id == 1 && review.runID == 1 && review.machineStatus == .inconclusive && !review.override)
        #expect(review.reviewer == "Trần Thị B" && review.reviewedAt == Self.at && review.reason == "read at 200 %")
        #expect(try register.run(id: 1) == before)
        let shown = try register.reviewedRun(id: 1)
        #expect(shown.run.verdict == .inconclusive)
        #expect(shown.reviews == [review])
        #expect(shown.effectiveVerdict == .pass && shown.decidedByReview && !shown.overridden)
    }

    @Test func turningAMachineFailIntoPassNeedsOverrideAndIsShownAsOne() throws {
        let (register, folder) = try Self.register([F.finding("SUB-001", .pass), F.finding("SUB-004", .fail)])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: RegisterError.self) { try register.review(Self.request("SUB-004", .pass)) }
        do {
            _ = try register.review(Self.request("SUB-004", .pass))
        } catch {
            #expect(error.code == .overrideRequired)
            #expect(
                error.cause == "run 1, rule SUB-004: the machine's outcome is fail; turning it into pass needs "
                    + "--override (and is shown as an override); nothing was recorded")
        }
        #expect(try register.reviews(of: 1).isEmpty)
        let review = try register.review(Self.request("SUB-004", .pass, override: true))
        #expect(review.override && review.machineStatus == .fail)
        let shown = try register.reviewedRun(id: 1)
        #expect(shown.run.verdict == .fail && shown.effectiveVerdict == .pass && shown.overridden)
        let entry = try #require(PublicList(runs: [shown.run], reviews: [1: shown.reviews]).apps.first)
        #expect(entry.verdict == .pass && entry.machineVerdict == .fail && entry.certified)
        #expect(entry.decidedByReview && entry.reviewedRules == ["SUB-004"] && entry.overriddenRules == ["SUB-004"])
    }

    @Test func aMachinePassMayBeReviewedIntoFailAndTheLatestReviewWins() throws {
        let (register, folder) = try Self.register([F.finding("SUB-001", .pass)])
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try register.review(Self.request("SUB-001", .fail, reason: "the code is cropped in p02"))
        #expect(try register.reviewedRun(id: 1).effectiveVerdict == .fail)
        _ = try register.review(Self.request("SUB-001", .pass, reason: "p02 was resent whole", at: "2026-01-21"))
        let shown = try register.reviewedRun(id: 1)
        #expect(shown.reviews.map(\.decision) == [.fail, .pass])
        #expect(shown.decisions.map(\.id) == [2])
        #expect(shown.effectiveVerdict == .pass && !shown.decidedByReview)
    }

    @Test func anUnjudgedWarningDoesNotBlockThePassAReviewGives() throws {
        let (register, folder) = try Self.register([
            Self.inconclusive("DSP-002", .error), Self.inconclusive("DSP-007", .warning),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try register.run(id: 1).rules.map(\.severity) == [.error, .warning])
        _ = try register.review(Self.request("DSP-002", .pass))
        #expect(try register.reviewedRun(id: 1).effectiveVerdict == .pass)
    }

    @Test(arguments: [
        (request("SUB-001", .pass, reviewer: " "), RegisterError.Code.incompleteReview, "needs a reviewer"),
        (request("SUB-001", .pass, reason: ""), .incompleteReview, "needs a reason"),
        (request("SYM-002", .pass), .unknownRule, "run 1 has no finding of rule SYM-002 (its rules: SUB-001)"),
        (
            RuleReview.Request(
                run: 9, rule: "SUB-001", decision: .pass, reviewer: "B", reason: "r", override: false, at: at),
            .unknownRun, "no run 9 in the register"
        ),
    ])
    func refusalsNameTheRunAndRuleAndRecordNothing(
        _ request: RuleReview.Request, _ code: RegisterError.Code, _ message: String
    ) throws {
        let (register, folder) = try Self.register([F.finding("SUB-001", .pass)])
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try register.review(request)
            Issue.record("recorded")
        } catch {
            #expect(error.code == code)
            #expect(error.cause.contains(message), "\(error.cause)")
        }
        #expect(try register.reviews(of: 1).isEmpty)
    }

    @Test func aReasonQuotingPersonalDataIsStoredMasked() throws {
        let (register, folder) = try Self.register([F.finding("SUB-001", .pass)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let review = try register.review(Self.request("SUB-001", .pass, reason: "footer shows 079201004512"))
        #expect(review.reason == "footer shows ******004512")
        #expect(try register.reviews(of: 1).map(\.reason) == ["footer shows ******004512"])
    }

    @Test func thePublicPageSaysWhichVerdictsAReviewDecided() throws {
        let (register, folder) = try Self.register([F.finding("SUB-001", .pass), F.finding("SUB-004", .fail)])
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try register.review(Self.request("SUB-004", .pass, override: true))
        let list = PublicList(runs: try register.latestPerApp(), reviews: try register.reviewsByRun())
        let json = String(decoding: try list.jsonData(), as: UTF8.self)
        #expect(json.contains("\"format\" : 2"))
        #expect(json.contains("\"decided_by_review\" : true") && json.contains("\"machine_verdict\" : \"fail\""))
        #expect(json.contains("\"overridden_rules\" : [\n        \"SUB-004\"\n      ]"), "\(json)")
        let html = String(decoding: PublicListHTML.render(list), as: UTF8.self)
        #expect(html.contains("ĐẠT / PASS<span class=\"review\">Thẩm định / Reviewed: SUB-004; máy / machine: "))
        #expect(html.contains("overrides a machine FAIL: SUB-004"))
        #expect(html.contains("default-src 'none'"))
    }

    @Test func aRegisterOfTheFirstSchemaIsBroughtUpToDateByAQueryAndItsRulesCountAsBlocking() throws {
        let (register, folder) = try Self.register([Self.inconclusive("DSP-007", .warning)])
        defer { try? FileManager.default.removeItem(at: folder) }
        try register.queue.write { db in
            try db.execute(
                sql: """
                    DROP TABLE review; ALTER TABLE run_rule DROP COLUMN severity;
                    DELETE FROM grdb_migrations WHERE identifier = 'v2'
                    """)
        }
        let reopened = try Register.open(path: register.path, access: .readOnly)
        let run = try reopened.run(id: 1)
        #expect(run.verdict == .pass && run.rules.map(\.severity) == [nil])
        #expect(try reopened.reviews(of: 1).isEmpty)
        let writable = try Register.open(path: register.path)
        _ = try writable.review(Self.request("DSP-007", .fail))
        _ = try writable.review(Self.request("DSP-007", .pass))
        // A decision replaces the rule's outcome whatever its severity; the latest (pass) is in force.
        #expect(try writable.reviewedRun(id: 1).effectiveVerdict == .pass)
    }
}
