import Foundation
import QRConformance
import Testing

@Suite struct SubmissionRulesTests {
    typealias F = SubmissionFixtures

    /// Results of one rule on a context, as (outcome kind, message, where) triples.
    static func judge(_ rule: any SubmissionRule, _ context: SubmissionContext) -> [String] {
        rule.evaluate(context).map { result in
            switch result {
            case .pass(let evidence): "pass @ \(evidence.location ?? "")"
            case .violation(let message, let evidence): "violation: \(message) @ \(evidence.location ?? "")"
            case .notApplicable(let reason): "not applicable: \(reason)"
            case .inconclusive(let reason, _, _): "inconclusive: \(reason)"
            }
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let rule: any SubmissionRule
        let context: SubmissionContext
        let expected: [String]
        var testDescription: String { name }
    }

    static let masked = Array("******093029|NGUYEN LE KHA HAN|1987-01-18|0|162979388586171100|<1".utf8)

    static let cases: [Case] = [
        Case(
            name: "SUB-001 passes", rule: ManifestValidRule(), context: F.context(),
            expected: ["pass @ submission.json"]),
        Case(
            name: "SUB-001 unusable manifest", rule: ManifestValidRule(),
            context: F.context(
                manifest: .failure(
                    .submission(
                        code: .invalid, path: "x/submission.json", pointer: "/screenshots/0/persona",
                        cause: "missing; expected an identifier"))),
            expected: [
                "violation: the manifest is not usable: x/submission.json at /screenshots/0/persona: missing; expected an identifier @ x/submission.json"
            ]),
        Case(
            name: "SUB-001 missing file", rule: ManifestValidRule(),
            context: F.context(files: ["p01-default.png", "p01-full.png", "p02-default.png"]),
            expected: ["violation: listed screenshots are missing from the submission: p02-full.png @ submission.json"]),
        Case(
            name: "SUB-001 other spec", rule: ManifestValidRule(),
            context: F.context(manifest: .success(F.manifest(spec: "other@2"))),
            expected: [
                "violation: the manifest names spec \"other@2\"; this run judges against vn-personal-qr or vn-personal-qr@1.1 @ submission.json /spec"
            ]),
        Case(
            name: "SUB-001 unknown persona", rule: ManifestValidRule(),
            context: F.context(
                manifest: .success(F.manifest(F.allShots + [F.shot("x.png", "P09", .full)])),
                files: F.allShots.map(\.file) + ["x.png"]),
            expected: [
                "violation: x.png names persona \"P09\", which is not in test plan plan (personas: P01, P02) @ screenshot x.png"
            ]),
        Case(name: "SUB-002 passes", rule: UnlistedFilesRule(), context: F.context(), expected: ["pass @ submission"]),
        Case(
            name: "SUB-002 unlisted file", rule: UnlistedFilesRule(),
            context: F.context(files: F.allShots.map(\.file) + ["extra.png"]),
            expected: ["violation: files not listed in the manifest are ignored: extra.png @ submission"]),
        Case(
            name: "SUB-003 passes", rule: PayloadMatchesPersonaRule(), context: F.context(),
            expected: F.allShots.map { "pass @ screenshot \($0.file)" }),
        Case(
            name: "SUB-003 masked payload", rule: PayloadMatchesPersonaRule(),
            context: F.context(observations: F.observations(["p01-default.png": F.observation(masked)])),
            expected: [
                "violation: p01-default.png: the payload differs from the one issued for persona P01: first difference at byte 1 (in SoGiayTo); 65 bytes shown, 65 issued; the code carries a masked value ('*'): mask the text beside the code, not the code @ screenshot p01-default.png"
            ]
                + F.allShots.dropFirst().map { "pass @ screenshot \($0.file)" }),
        Case(
            name: "SUB-003 wrong persona", rule: PayloadMatchesPersonaRule(),
            context: F.context(observations: F.observations(["p01-full.png": F.observation(F.p02)])),
            expected: [
                "pass @ screenshot p01-default.png",
                "violation: p01-full.png: the payload differs from the one issued for persona P01: first difference at byte 2 (in SoGiayTo); 66 bytes shown, 65 issued @ screenshot p01-full.png",
                "pass @ screenshot p02-default.png", "pass @ screenshot p02-full.png",
            ]),
        Case(
            name: "SUB-003 no code", rule: PayloadMatchesPersonaRule(),
            context: F.context(observations: F.observations(["p02-full.png": ImageObservation(symbols: [])])),
            expected: F.allShots.prefix(3).map { "pass @ screenshot \($0.file)" }
                + [
                    "violation: p02-full.png: no QR code was read, so it cannot show persona P02's payload @ screenshot p02-full.png"
                ]),
        Case(
            name: "SUB-004 passes", rule: DisplayModesCoveredRule(), context: F.context(),
            expected: ["pass @ persona P01", "pass @ persona P02"]),
        Case(
            name: "SUB-004 missing mode", rule: DisplayModesCoveredRule(),
            context: F.context(manifest: .success(F.manifest(Array(F.allShots.prefix(3))))),
            expected: [
                "pass @ persona P01", "violation: persona P02 has no screenshot in display mode full @ persona P02",
            ]),
        Case(
            name: "SUB-005 passes", rule: ScreenshotsAgreeRule(), context: F.context(),
            expected: ["pass @ persona P01", "pass @ persona P02"]),
        Case(
            name: "SUB-005 differing EC level", rule: ScreenshotsAgreeRule(),
            context: F.context(
                observations: F.observations(["p02-full.png": F.observation(F.p02, ec: "L", version: 14)])),
            expected: [
                "pass @ persona P01",
                "violation: the screenshots of persona P02 show differently built codes (p02-default.png: EC level Q, version 12, mask 2; p02-full.png: EC level L, version 14, mask 2); the app should encode one payload one way @ persona P02",
            ]),
        Case(
            name: "SUB-005 is inconclusive with one of two measured", rule: ScreenshotsAgreeRule(),
            context: F.context(observations: F.observations(["p02-full.png": ImageObservation(symbols: [])])),
            expected: ["pass @ persona P01", "inconclusive: fewer than two screenshots of persona P02 were measured"]),
    ]

    @Test(arguments: cases)
    func ruleJudgesAsExpected(_ testCase: Case) {
        #expect(Self.judge(testCase.rule, testCase.context) == testCase.expected)
    }

    @Test(arguments: SubmissionEvaluator.rules.map(\.id))
    func rulesNeedingAManifestDoNotApplyWithoutOne(_ id: String) throws {
        let rule = try #require(SubmissionEvaluator.rules.first { $0.id == id })
        let context = F.context(manifest: .failure(.submission(code: .missingManifest, path: "x", cause: "none")))
        let results = Self.judge(rule, context)
        if id == "SUB-001" {
            #expect(results == ["violation: the manifest is not usable: x: none @ x"])
        } else {
            #expect(results == ["not applicable: the manifest is not usable (see SUB-001)"])
        }
    }

    @Test func evaluatorUsesSpecSeveritiesAndOnlySubmissionRules() throws {
        let spec = try SpecCatalog.load(named: SpecCatalog.defaultID).spec
        let context = F.context(
            files: F.allShots.map(\.file) + ["extra.png"],
            observations: F.observations(["p01-full.png": F.observation(F.p02)]))
        let findings = SubmissionEvaluator(spec: spec).evaluate(context)
        #expect(Set(findings.map(\.rule)) == ["SUB-001", "SUB-002", "SUB-003", "SUB-004", "SUB-005"])
        #expect(findings.filter { $0.outcome == .fail }.map(\.rule) == ["SUB-003"])
        #expect(findings.filter { $0.outcome == .warn }.map(\.rule) == ["SUB-002"])
        #expect(SubmissionEvaluator.imageSpec(spec).rules.allSatisfy { $0.area != .submission })
    }

    @Test func submissionRulesSkipWhenJudgedPerImage() {
        let context = RuleContext(
            image: ImageObservation(symbols: []), symbol: nil, payload: nil, parameters: RuleParameters([:]),
            validationTime: Date(timeIntervalSince1970: 0))
        for rule in SubmissionEvaluator.rules {
            #expect(
                rule.evaluate(context)
                    == .notApplicable("judged once per submission by qrconform certify, not per image"))
        }
    }
}
