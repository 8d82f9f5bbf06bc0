import Foundation
import GRDB
import QRConformance
import Testing

@testable import QRRegister

/// The service's state in the register (migration v3): tokens, sessions, the job queue and publications, beside the
/// run tables and never changing them.
@Suite struct ServiceStoreTests {
    typealias F = RegisterFixtures

    static let vendor = "ACME (TEST)"

    /// Whole seconds after 2026-02-01T10:00:00Z, RFC 3339 UTC.
    static func at(_ seconds: Int = 0) -> String { CheckReport.timestamp(date(seconds)) }

    static func date(_ seconds: Int) -> Date {
        Date(timeIntervalSince1970: 1_769_940_000 + TimeInterval(seconds))
    }

    /// A fresh register in a fresh folder (removed by the caller).
    static func register() throws -> (Register, URL) {
        let folder = try F.folder()
        return (try Register.open(path: folder.appendingPathComponent("r.sqlite").path), folder)
    }

    /// A register holding four runs: 1 a pass of ACME ID 2.3.1, 2 a fail of Other 1.0, 3 a second pass of
    /// ACME ID 2.3.1, 4 a pass that names no app.
    static func registerWithRuns() throws -> (Register, URL) {
        let (register, folder) = try register()
        let runs: [(String, String, String, [Finding])] = [
            ("a", "ACME ID", "2.3.1", [F.finding("SUB-001", .pass)]),
            ("b", "Other", "1.0", [F.finding("SUB-001", .pass), F.finding("SUB-004", .fail)]),
            ("c", "ACME ID", "2.3.1", [F.finding("SUB-001", .pass)]),
            ("d", "Nameless", "0.1", [F.finding("SUB-001", .pass)]),
        ]
        for (tag, app, version, findings) in runs {
            let contents = F.contents(tag)
            var run = F.run(
                F.report(id: "S-\(tag)", app: app, version: version, findings: findings, path: "submissions/\(tag)"),
                contents: contents)
            if tag == "d" { run.appName = nil }
            _ = try register.record(run, contents: contents)
        }
        return (register, folder)
    }

    /// Every row of the run tables, as text: equal before and after means the service state left them alone.
    static func runTables(_ register: Register) throws -> String {
        try register.queue.read { db in
            try ["run", "run_rule", "submission", "submission_file", "blob", "review"].map { table in
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid")
                return "\(table): " + rows.map(\.description).joined(separator: "\n")
            }.joined(separator: "\n")
        }
    }

    // MARK: Tokens

    @Test func aTokenSecretIsNeverStoredAndAuthenticatesUntilRevoked() throws {
        let (register, folder) = try Self.register()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (secret, token) = try register.issueToken(role: .vendor, vendor: Self.vendor, name: "ci", at: Self.at())
        #expect(secret.hasPrefix("qrc_") && secret.count == 4 + 43)
        #expect(!secret.dropFirst(4).contains { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        let expected = ServiceToken(
            id: 1, role: .vendor, vendor: Self.vendor, name: "ci", createdAt: Self.at(), revokedAt: nil)
        #expect(token == expected)
        // The file and its WAL hold the secret's digest, never the secret.
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let bytes = files.compactMap { FileManager.default.contents(atPath: folder.appendingPathComponent($0).path) }
        #expect(!bytes.contains { $0.range(of: Data(secret.utf8)) != nil })
        #expect(bytes.contains { $0.range(of: Data(Hashing.sha256Hex(Array(secret.utf8)).utf8)) != nil })

        let principal = Principal(tokenID: 1, role: .vendor, vendor: Self.vendor, name: "ci")
        #expect(try register.authenticate(secret: secret) == principal)
        #expect(try register.authenticate(secret: secret + "x") == nil)
        #expect(try register.authenticate(secret: "") == nil)
        try register.revokeToken(id: 1, at: Self.at(10))
        #expect(try register.authenticate(secret: secret) == nil)
        try register.revokeToken(id: 1, at: Self.at(20))
        #expect(try register.tokens().map(\.revokedAt) == [Self.at(10)])
        let error = #expect(throws: RegisterError.self) { try register.revokeToken(id: 9, at: Self.at()) }
        #expect(error?.code == .unknownToken && error?.cause == "no service token 9 in the register")
    }

    @Test(arguments: [
        (ServiceRole.vendor, String?.none, "ci", "a vendor token needs a vendor; no token was issued"),
        (.vendor, " ", "ci", "a vendor token needs a vendor; no token was issued"),
        (
            .officer, "ACME", "Lê Văn C",
            "an officer token acts for no vendor (it was given \"ACME\"); no token was issued"
        ),
        (.vendor, "ACME", " ", "a token needs a name; no token was issued"),
        (.officer, nil, "", "a token needs a name; no token was issued"),
    ])
    func aTokenNeedsAVendorExactlyWhenItIsAVendorsAndAlwaysAName(
        role: ServiceRole, vendor: String?, name: String, cause: String
    ) throws {
        let (register, folder) = try Self.register()
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = #expect(throws: RegisterError.self) {
            try register.issueToken(role: role, vendor: vendor, name: name, at: Self.at())
        }
        #expect(error?.code == .invalidToken && error?.cause == cause)
        #expect(try register.tokens().isEmpty)
    }

    @Test func tokensOfBothRolesAreListedByIdWithTheirPrincipals() throws {
        let (register, folder) = try Self.register()
        defer { try? FileManager.default.removeItem(at: folder) }
        let officer = try register.issueToken(role: .officer, vendor: nil, name: " Lê Văn C ", at: Self.at())
        let vendor = try register.issueToken(role: .vendor, vendor: " ACME ", name: "ci", at: Self.at(1))
        #expect(officer.secret != vendor.secret)
        #expect(try register.tokens() == [officer.token, vendor.token])
        #expect(officer.token.name == "Lê Văn C" && vendor.token.vendor == "ACME")
        #expect(try register.authenticate(secret: officer.secret) == officer.token.principal)
        #expect(try register.authenticate(secret: vendor.secret)?.role == .vendor)
    }

    // MARK: Sessions

    @Test func aSessionLastsItsLifetimeEndsOnLogoutAndDiesWithItsToken() throws {
        let (register, folder) = try Self.register()
        defer { try? FileManager.default.removeItem(at: folder) }
        let principal = try register.issueToken(role: .officer, vendor: nil, name: "Lê Văn C", at: Self.at()).token
            .principal
        let (cookie, csrf) = try register.createSession(for: principal, at: Self.date(0), lifetime: 3600)
        #expect(cookie.count == 43 && csrf.count == 43 && cookie != csrf)
        let shown = try #require(try register.session(cookie: cookie, at: Self.date(3599)))
        #expect(shown.principal == principal && shown.csrf == csrf)
        #expect(try register.session(cookie: cookie, at: Self.date(3600)) == nil)
        #expect(try register.session(cookie: csrf, at: Self.date(1)) == nil)
        // Only the cookie's digest is kept.
        let stored = try register.queue.read { db in try ServiceSessionRecord.fetchAll(db) }
        #expect(stored.map(\.cookieSha256) == [Hashing.sha256Hex(Array(cookie.utf8))])

        let second = try register.createSession(for: principal, at: Self.date(10), lifetime: 3600)
        #expect(try register.session(cookie: second.cookie, at: Self.date(11)) != nil)
        try register.endSession(cookie: second.cookie)
        try register.endSession(cookie: second.cookie)
        #expect(try register.session(cookie: second.cookie, at: Self.date(12)) == nil)

        let third = try register.createSession(for: principal, at: Self.date(20), lifetime: 3600)
        try register.revokeToken(id: principal.tokenID, at: Self.at(21))
        #expect(try register.session(cookie: third.cookie, at: Self.date(22)) == nil)
        let error = #expect(throws: RegisterError.self) {
            try register.createSession(for: principal, at: Self.date(30), lifetime: 3600)
        }
        #expect(error?.code == .revokedToken)
    }

    // MARK: Jobs

    static func enqueue(
        _ register: Register, vendor: String = ServiceStoreTests.vendor, token: Int64 = 1, at: Int = 0, limit: Int = 10
    ) throws -> ServiceJob? {
        try register.enqueue(
            vendor: vendor, tokenID: token, mode: .certification, uploadSHA256: String(repeating: "ab", count: 32),
            uploadSize: 1234, at: Self.at(at), limit: limit)
    }

    @Test func enqueueRefusesPastTheLimitAndWritesNothing() throws {
        let (register, folder) = try Self.register()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try register.issueToken(role: .vendor, vendor: Self.vendor, name: "ci", at: Self.at())
        let first = try #require(try Self.enqueue(register, limit: 2))
        #expect(first.state == .queued && first.attempts == 0 && first.vendor == Self.vendor && first.tokenID == 1)
        #expect(first.id.count == 22 && first.submittedAt == Self.at() && first.startedAt == nil)
        _ = try #require(try Self.enqueue(register, at: 1, limit: 2))
        #expect(try Self.enqueue(register, at: 2, limit: 2) == nil)
        #expect(try register.queueLength() == 2)
        #expect(try register.jobs(vendor: nil, limit: 10).count == 2)
        // A running job counts; a finished one does not.
        let claimed = try #require(try register.claimNextJob(at: Self.at(3)))
        #expect(try Self.enqueue(register, at: 4, limit: 2) == nil)
        try register.finishJob(id: claimed.id, verdict: .pass, runID: nil, submissionID: "S-1", at: Self.at(5))
        #expect(try register.queueLength() == 1)
        #expect(try Self.enqueue(register, at: 6, limit: 2) != nil)
    }

    @Test(arguments: [
        ("", Int64(1), Int64(0), RegisterError.Code.invalidJob, "a job needs a vendor; nothing was queued"),
        ("ACME (TEST)", 1, -1, .invalidJob, "the upload's size is negative (-1); nothing was queued"),
        ("ACME (TEST)", 7, 0, .unknownToken, "no service token 7 in the register"),
    ])
    func aJobNeedsAVendorASizeAndAKnownToken(
        vendor: String, token: Int64, size: Int64, code: RegisterError.Code, cause: String
    ) throws {
        let (register, folder) = try Self.register()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try register.issueToken(role: .vendor, vendor: Self.vendor, name: "ci", at: Self.at())
        let error = #expect(throws: RegisterError.self) {
            try register.enqueue(
                vendor: vendor, tokenID: token, mode: .selfTest, uploadSHA256: "00", uploadSize: size, at: Self.at(),
                limit: 5)
        }
        #expect(error?.code == code && error?.cause == cause)
        #expect(try register.queueLength() == 0)
    }

    @Test func jobsAreClaimedOnceInQueueingOrderAndAnInterruptedOneRunsAgain() throws {
        let (register, folder) = try Self.register()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try register.issueToken(role: .vendor, vendor: Self.vendor, name: "ci", at: Self.at())
        let queued = try (0..<2).map { try #require(try Self.enqueue(register, at: $0)) }
        let first = try #require(try register.claimNextJob(at: Self.at(10)))
        let second = try #require(try register.claimNextJob(at: Self.at(11)))
        #expect(try register.claimNextJob(at: Self.at(12)) == nil)
        #expect([first.id, second.id] == queued.map(\.id))
        #expect(first.state == .running && first.attempts == 1 && first.startedAt == Self.at(10))
        #expect(try register.job(id: first.id, vendor: nil) == first)

        try register.finishJob(id: first.id, verdict: .fail, runID: nil, submissionID: "S-1", at: Self.at(13))
        #expect(try register.requeueInterrupted() == 1)
        #expect(try register.job(id: second.id, vendor: nil)?.state == .queued)
        let again = try #require(try register.claimNextJob(at: Self.at(14)))
        #expect(again.id == second.id && again.attempts == 2 && again.startedAt == Self.at(14))
        try register.failJob(id: again.id, message: "the upload is not a zip", at: Self.at(15))
        #expect(try register.requeueInterrupted() == 0)

        let done = try #require(try register.job(id: first.id, vendor: Self.vendor))
        #expect(done.state == .done && done.verdict == .fail && done.submissionID == "S-1")
        #expect(done.finishedAt == Self.at(13) && done.message == nil && done.runID == nil)
        let failed = try #require(try register.job(id: again.id, vendor: Self.vendor))
        #expect(failed.state == .failed && failed.message == "the upload is not a zip" && failed.verdict == nil)
        #expect(try register.jobs(vendor: nil, limit: 10).map(\.id) == [second.id, first.id])
        #expect(try register.jobs(vendor: nil, states: [.done], limit: 10).map(\.id) == [first.id])
        #expect(try register.jobs(vendor: nil, limit: 1).map(\.id) == [second.id])

        // A finished job stays as it is; an unknown one is named.
        let notRunning = #expect(throws: RegisterError.self) {
            try register.failJob(id: first.id, message: "late", at: Self.at(16))
        }
        #expect(notRunning?.code == .jobNotRunning && notRunning?.cause.contains("is done, not running") == true)
        let unknown = #expect(throws: RegisterError.self) {
            try register.finishJob(id: "nope", verdict: .pass, runID: nil, submissionID: nil, at: Self.at(16))
        }
        #expect(unknown?.code == .unknownJob && unknown?.cause == "no job nope in the register")
        #expect(try register.job(id: first.id, vendor: nil) == done)
    }

    @Test func twoRegistersClaimingAtOnceNeverGetTheSameJob() async throws {
        let (register, folder) = try Self.register()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try register.issueToken(role: .vendor, vendor: Self.vendor, name: "ci", at: Self.at())
        let queued = try (0..<12).map { try #require(try Self.enqueue(register, at: $0, limit: 100)).id }
        let other = try Register.open(path: register.path)
        let claimed = try await withThrowingTaskGroup(of: [String].self) { group in
            for claimer in [register, other] {
                group.addTask {
                    var ids: [String] = []
                    while let job = try claimer.claimNextJob(at: Self.at(100)) { ids.append(job.id) }
                    return ids
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(claimed.count == queued.count && Set(claimed) == Set(queued))
    }

    @Test func concurrentSubmittersCannotOvershootTheLimit() async throws {
        let (register, folder) = try Self.register()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try register.issueToken(role: .vendor, vendor: Self.vendor, name: "ci", at: Self.at())
        let other = try Register.open(path: register.path)
        let accepted = try await withThrowingTaskGroup(of: Int.self) { group in
            for submitter in [register, other] {
                group.addTask {
                    try (0..<6).filter { try Self.enqueue(submitter, at: $0, limit: 5) != nil }.count
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(accepted == 5)
        #expect(try register.queueLength() == 5)
    }

    @Test func aVendorSeesOnlyItsOwnJobsAndAnotherVendorsIsLikeAnUnknownId() throws {
        let (register, folder) = try Self.register()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try register.issueToken(role: .vendor, vendor: Self.vendor, name: "ci", at: Self.at())
        _ = try register.issueToken(role: .vendor, vendor: "Other Co", name: "ci", at: Self.at())
        let mine = try #require(try Self.enqueue(register))
        let theirs = try #require(try Self.enqueue(register, vendor: "Other Co", token: 2, at: 1))
        #expect(try register.job(id: mine.id, vendor: Self.vendor) == mine)
        #expect(try register.job(id: theirs.id, vendor: Self.vendor) == nil)
        #expect(try register.job(id: "unknown", vendor: Self.vendor) == nil)
        #expect(try register.job(id: theirs.id, vendor: nil) == theirs)
        #expect(try register.jobs(vendor: Self.vendor, limit: 10) == [mine])
        #expect(try register.jobs(vendor: nil, limit: 10) == [theirs, mine])
        #expect(try register.jobs(vendor: "Other Co", states: [.running], limit: 10).isEmpty)
    }

    // MARK: Publication

    @Test(arguments: [
        (
            Int64(2), "Lê Văn C", "ok", RegisterError.Code.notCertified,
            "run 2 (Other 1.0 (android)) is not certified: its effective verdict is fail; nothing was recorded"
        ),
        (9, "Lê Văn C", "ok", .unknownRun, "no run 9 in the register; nothing was recorded"),
        (
            4, "Lê Văn C", "ok", .notCertified,
            "run 4 names no app (its manifest had none), so it cannot be listed; nothing was recorded"
        ),
        (1, " ", "ok", .incompletePublication, "run 1: to publish needs an officer; nothing was recorded"),
        (1, "Lê Văn C", "", .incompletePublication, "run 1: to publish needs a reason; nothing was recorded"),
    ])
    func publishingIsRefusedForWhatIsNotCertified(
        run: Int64, officer: String, reason: String, code: RegisterError.Code, cause: String
    ) throws {
        let (register, folder) = try Self.registerWithRuns()
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = #expect(throws: RegisterError.self) {
            try register.publish(run: run, officer: officer, reason: reason, at: Self.at())
        }
        #expect(error?.code == code && error?.cause == cause)
        #expect(try register.publications().isEmpty)
        #expect(try register.publishedRuns().isEmpty)
    }

    @Test func publishThenWithdrawRemovesTheAppAndRepublishingBringsItBack() throws {
        let (register, folder) = try Self.registerWithRuns()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Self.runTables(register)
        let reason = "certificate 001099012345 issued"
        let published = try register.publish(run: 1, officer: " Lê Văn C ", reason: reason, at: Self.at())
        #expect(published.id == 1 && published.action == .publish && published.officer == "Lê Văn C")
        #expect(published.reason == PayloadMasking.mask(reason) && !published.reason.contains("001099012345"))
        #expect(try register.publishedRuns().map(\.id) == [1] && register.isPublished(run: 1))
        let list = PublicList(runs: try register.publishedRuns(), reviews: try register.reviewsByRun())
        #expect(list.apps.map(\.run) == [1] && list.apps.allSatisfy(\.certified))

        _ = try register.withdraw(run: 1, officer: "Lê Văn C", reason: "certificate suspended", at: Self.at(1))
        #expect(try register.publishedRuns().isEmpty && !register.isPublished(run: 1))
        let twice = #expect(throws: RegisterError.self) {
            try register.withdraw(run: 1, officer: "Lê Văn C", reason: "again", at: Self.at(2))
        }
        #expect(twice?.code == .notPublished && twice?.cause == "run 1 is not published; nothing was recorded")

        _ = try register.publish(run: 1, officer: "Lê Văn C", reason: "reinstated", at: Self.at(3))
        #expect(try register.publishedRuns().map(\.id) == [1])
        // A later run of the same app and version takes its place; the earlier one is no longer published.
        _ = try register.publish(run: 3, officer: "Lê Văn C", reason: "new report", at: Self.at(4))
        #expect(try register.publishedRuns().map(\.id) == [3] && !register.isPublished(run: 1))
        #expect(throws: RegisterError.self) {
            try register.withdraw(run: 1, officer: "Lê Văn C", reason: "old", at: Self.at(5))
        }
        // A failed run a review overrode into pass is certified, so it may be published.
        _ = try register.review(
            RuleReview.Request(
                run: 2, rule: "SUB-004", decision: .pass, reviewer: "Trần Thị B", reason: "re-read", override: true,
                at: Self.at(6)))
        let afterReview = try Self.runTables(register)
        _ = try register.publish(run: 2, officer: "Lê Văn C", reason: "reviewed", at: Self.at(7))
        #expect(try register.publishedRuns().map(\.appName) == ["ACME ID", "Other"])
        #expect(try register.publications().map(\.action) == [.publish, .withdraw, .publish, .publish, .publish])
        #expect(try register.publications().map(\.runID) == [1, 1, 1, 3, 2])
        #expect(try Self.runTables(register) == afterReview)
        #expect(before != afterReview)
    }

    @Test func theServiceStateLeavesTheRunTablesAlone() throws {
        let (register, folder) = try Self.registerWithRuns()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Self.runTables(register)
        let officer = try register.issueToken(role: .officer, vendor: nil, name: "Lê Văn C", at: Self.at()).token
        let vendor = try register.issueToken(role: .vendor, vendor: Self.vendor, name: "ci", at: Self.at())
        let session = try register.createSession(for: officer.principal, at: Self.date(0), lifetime: 60)
        _ = try register.session(cookie: session.cookie, at: Self.date(1))
        try register.endSession(cookie: session.cookie)
        let job = try #require(try Self.enqueue(register, token: vendor.token.id))
        _ = try register.claimNextJob(at: Self.at(1))
        _ = try register.requeueInterrupted()
        _ = try register.claimNextJob(at: Self.at(2))
        try register.finishJob(id: job.id, verdict: .pass, runID: 1, submissionID: "S-a", at: Self.at(3))
        #expect(try register.job(id: job.id, vendor: Self.vendor)?.runID == 1)
        _ = try register.publish(run: 1, officer: "Lê Văn C", reason: "certified", at: Self.at(4))
        _ = try register.withdraw(run: 1, officer: "Lê Văn C", reason: "suspended", at: Self.at(5))
        #expect(throws: RegisterError.self) {
            try register.publish(run: 2, officer: "Lê Văn C", reason: "no", at: Self.at(6))
        }
        try register.revokeToken(id: vendor.token.id, at: Self.at(7))
        #expect(try Self.runTables(register) == before)
        #expect(try register.runs().count == 4)
    }
}
