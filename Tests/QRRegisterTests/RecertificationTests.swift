import QRConformance
import Testing

@testable import QRRegister

@Suite struct RecertificationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let then: [RuleCounts]
        let now: [RuleCounts]
        let flips: [Recertification.Flip]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "same outcomes: no flip", then: [.init(rule: "SYM-002", pass: 4)],
            now: [.init(rule: "SYM-002", pass: 4)],
            flips: []),
        Case(
            name: "pass to fail", then: [.init(rule: "SYM-002", pass: 4)],
            now: [.init(rule: "SYM-002", pass: 1, fail: 3)],
            flips: [.init(rule: "SYM-002", then: .pass, now: .fail)]),
        Case(
            name: "counts change, status does not", then: [.init(rule: "SYM-002", pass: 3, fail: 1)],
            now: [.init(rule: "SYM-002", fail: 4)], flips: []),
        Case(
            name: "warning becomes an error", then: [.init(rule: "PAY-010", warn: 1)],
            now: [.init(rule: "PAY-010", fail: 1)], flips: [.init(rule: "PAY-010", then: .warn, now: .fail)]),
        Case(
            name: "a rule new in the other spec", then: [], now: [.init(rule: "NEW-001", inconclusive: 1)],
            flips: [.init(rule: "NEW-001", then: nil, now: .inconclusive)]),
        Case(
            name: "a rule gone from the other spec", then: [.init(rule: "OLD-001", notApplicable: 2)], now: [],
            flips: [.init(rule: "OLD-001", then: .notApplicable, now: nil)]),
    ]

    @Test(arguments: cases) func rulesFlipWhenTheirSummedUpOutcomeChanges(_ test: Case) {
        #expect(Recertification.flips(then: test.then, now: test.now) == test.flips)
    }

    @Test func anAppCertifiedNowLosesItOnlyWhenTheNewVerdictIsNotPass() {
        let passing = RegisterFixtures.report()
        let failing = RegisterFixtures.report(findings: [RegisterFixtures.finding("SUB-004", .fail)])
        var then = RegisterFixtures.run(passing, contents: nil)
        then.id = 4
        #expect(Recertification(then: then, now: failing).losesCertification)
        #expect(!Recertification(then: then, now: passing).losesCertification)
        let failed = RegisterFixtures.run(failing, contents: nil)
        #expect(!Recertification(then: failed, now: failing).losesCertification)
        #expect(Recertification(then: then, now: failing).flips == [.init(rule: "SUB-004", then: nil, now: .fail)])
    }
}
