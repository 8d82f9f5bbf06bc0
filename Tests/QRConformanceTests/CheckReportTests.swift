import Foundation
import QRConformance
import QRSymbol
import Testing

/// The report: keys, masking, determinism, verdicts and exit codes.
@Suite struct CheckReportTests {
    static let tool = CheckReport.Tool(name: "qrconform", version: "0.0.0-test")

    static func report(reveal: Bool, images extra: [ImageReport] = []) throws -> CheckReport {
        let loaded = try TestSupport.loadedSpec()
        let symbol = TestSupport.conformantSymbol()
        let findings = try TestSupport.findings(ImageObservation(symbols: [symbol], ppi: 300))
        let parse = PersonalQRPayload.parse(bytes: symbol.payload)
        let image = ImageReport(
            file: "good.png", sha256: String(repeating: "a", count: 64),
            symbols: [try TestSupport.reportSymbol()],
            payload: PayloadReport(parse, revealPersonalData: reveal), findings: findings)
        return CheckReport(
            tool: tool, spec: loaded, validationTime: TestSupport.validationTime, images: [image] + extra)
    }

    static func json(_ report: CheckReport) throws -> String {
        String(decoding: try report.jsonData(), as: UTF8.self)
    }

    @Test func topLevelKeysAndValues() throws {
        let report = try Self.report(reveal: false)
        let object = try #require(try JSONSerialization.jsonObject(with: report.jsonData()) as? [String: Any])
        #expect(
            Set(object.keys) == ["format", "tool", "spec", "validation_time", "verdict", "images", "summary", "errors"])
        #expect(object["validation_time"] as? String == "2026-01-01T00:00:00Z")
        #expect(object["verdict"] as? String == "pass")
        let images = try #require(object["images"] as? [[String: Any]])
        #expect(Set(images[0].keys) == ["file", "sha256", "verdict", "error", "symbols", "payload", "findings"])
        #expect(images[0]["error"] is NSNull)
        let finding = try #require((images[0]["findings"] as? [[String: Any]])?.first)
        #expect(Set(finding.keys) == ["rule", "outcome", "severity", "message", "evidence", "remedy"])
        #expect(Set((finding["evidence"] as? [String: Any])?.keys ?? [:].keys) == ["measured", "limit", "where"])
        #expect(report.spec.sha256 == (try TestSupport.loadedSpec().sha256))
        #expect(report.summary == CheckReport.Summary(images: 1, pass: 1, inconclusive: 0, fail: 0, error: 0))
    }

    @Test func maskedReportHoldsNoPersonalValues() throws {
        let text = try Self.json(try Self.report(reveal: false))
        for secret in [
            "001093029317", "1987-01-18", "01-18", "HS4010120878821", "0944713700", "4010120878", "09447137",
        ] {
            #expect(!text.contains(secret), "\(secret) leaked")
        }
        for shown in ["******029317", "1987-**-**", "************821", "*******700"] {
            #expect(text.contains("\"\(shown)\""), "\(shown) missing")
        }
        #expect(text.contains("\"revealed\" : false"))
    }

    @Test func revealShowsFullValues() throws {
        let text = try Self.json(try Self.report(reveal: true))
        for value in ["001093029317", "1987-01-18", "HS4010120878821", "0944713700"] {
            #expect(text.contains("\"\(value)\""))
        }
    }

    @Test func sameInputsGiveByteIdenticalJSON() throws {
        #expect(try Self.report(reveal: false).jsonData() == Self.report(reveal: false).jsonData())
    }

    struct MaskCase: Sendable {
        let input: String
        let id: String
        let date: String
        let lastThree: String
    }

    @Test(arguments: [
        MaskCase(input: "012345678", id: "******678", date: "*********", lastThree: "******678"),
        MaskCase(input: "1990-12-01", id: "******2-01", date: "1990-**-**", lastThree: "*******-01"),
        MaskCase(input: "ABC", id: "**C", date: "***", lastThree: "ABC"),
        MaskCase(input: "", id: "", date: "", lastThree: ""),
    ])
    func masks(_ testCase: MaskCase) {
        #expect(PersonalDataMask.idNumber(testCase.input) == testCase.id)
        #expect(PersonalDataMask.birthDate(testCase.input) == testCase.date)
        #expect(PersonalDataMask.lastThree(testCase.input) == testCase.lastThree)
    }

    @Test func malformedPayloadShowsNoFields() {
        let report = PayloadReport(
            PersonalQRPayload.parse(bytes: Array("001093029317|X".utf8)), revealPersonalData: false)
        #expect(report.fields == nil)
        #expect(report.fieldCount == 2)
        #expect(report.payloadSHA256 == Hashing.sha256Hex(Array("001093029317|X".utf8)))
    }

    @Test func verdictsAndExitCodes() throws {
        var inverted = TestSupport.conformantSymbol()
        inverted.polarity = .value(.lightOnDark)
        let failing = ImageReport(
            file: "bad.png", sha256: "", symbols: [], payload: nil,
            findings: try TestSupport.findings(ImageObservation(symbols: [inverted])))
        let broken = ImageReport(
            file: "cut.png", sha256: nil, error: ImageError(code: .init("png"), message: "truncated"))
        #expect(failing.verdict == .fail)
        #expect(try Self.report(reveal: false).exitCode == 0)
        let failed = try Self.report(reveal: false, images: [failing])
        #expect(failed.verdict == .fail && failed.exitCode == 1)
        let errored = try Self.report(reveal: false, images: [failing, broken])
        #expect(errored.verdict == .error && errored.exitCode == 2)
        #expect(errored.summary == CheckReport.Summary(images: 3, pass: 1, inconclusive: 0, fail: 1, error: 1))
        #expect(errored.images.map(\.file) == ["good.png", "bad.png", "cut.png"])
    }

    @Test func warningsDoNotFailAnImage() throws {
        var symbol = TestSupport.conformantSymbol()
        symbol.symbolContrast = .value(0.6)
        let image = ImageReport(
            file: "dim.png", sha256: "", symbols: [], payload: nil,
            findings: try TestSupport.findings(ImageObservation(symbols: [symbol], ppi: 100)))
        #expect(image.findings.contains { $0.outcome == .warn })
        #expect(image.verdict == .pass)
    }

    @Test func anInconclusiveErrorRuleKeepsAnImageFromPassButAnInconclusiveWarningDoesNot() throws {
        let findings = try TestSupport.findings(ImageObservation(symbols: [TestSupport.conformantSymbol()]))
        let unjudged = try #require(findings.first { $0.rule == "SYM-017" })
        #expect(unjudged.outcome == .inconclusive && unjudged.severity == .error)
        #expect(unjudged.remedy?.contains("--device") == true)
        #expect(
            ImageReport(file: "a.png", sha256: "", symbols: [], payload: nil, findings: findings).verdict
                == .inconclusive)
        let warning = Finding(
            rule: "SYM-016", outcome: .inconclusive, severity: .warning, message: "m", evidence: Evidence(), symbol: 0,
            remedy: "r")
        #expect(Verdict.of([warning]) == .pass)
        let failed = Finding(
            rule: "SYM-002", outcome: .fail, severity: .error, message: "m", evidence: Evidence(), symbol: 0)
        #expect(Verdict.of(findings + [failed]) == .fail)
    }

    @Test func verdictsAreOrderedAndARunTakesTheWorst() throws {
        #expect(Verdict.allCases.sorted() == [.pass, .inconclusive, .fail, .error])
        let run = CheckReport(
            tool: .init(name: "t", version: "0"), spec: .init(id: "s", version: "1", sha256: ""), validationTime: "",
            images: [], errors: [], trustListSHA256: nil, verdicts: [.pass, .inconclusive, .pass])
        #expect(run.verdict == .inconclusive && run.exitCode == 3)
        #expect(run.summary == CheckReport.Summary(images: 3, pass: 2, inconclusive: 1, fail: 0, error: 0))
    }
}
