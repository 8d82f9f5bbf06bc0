import Foundation
import QRConformance
import QRSymbol
import QRText
import Testing

@testable import QRConformanceReports

@Suite("screen text map in HTML reports")
struct ScreenTextMapTests {
    static func finding(_ rule: String, _ outcome: RuleOutcome, _ box: RecognizedWord.Box?) -> Finding {
        let evidence = box.map { Evidence(measured: nil, limit: nil, screenBox: $0) } ?? Evidence()
        return Finding(rule: rule, outcome: outcome, severity: .error, message: "m", evidence: evidence, symbol: nil)
    }

    @Test("only display findings with a place on the screen are drawn, labelled by rule, without any text read")
    func drawsBoxes() {
        let box = RecognizedWord.Box(left: 60, top: 700, right: 512, bottom: 742)
        let svg = ScreenTextMap.svg([
            Self.finding("DSP-002", .fail, box),
            Self.finding("SYM-013", .fail, box),
            Self.finding("DSP-007", .pass, nil),
        ])
        #expect(svg.contains(">DSP-002</text>"))
        #expect(!svg.contains("SYM-013"))
        #expect(!svg.contains("DSP-007"))
        #expect(ScreenTextMap.svg([Self.finding("DSP-001", .notApplicable, nil)]).isEmpty)
    }

    @Test("the box crosses the worker boundary typed and stays out of the report")
    func boxTravelsTypedOnly() throws {
        let box = RecognizedWord.Box(left: 60, top: 700, right: 512, bottom: 742)
        let finding = Finding(
            rule: "DSP-002", outcome: .fail, severity: .error, message: "m",
            evidence: Evidence(measured: "x", limit: "y", screenBox: box), symbol: 0)
        let row = ImageReport(file: "a.png", sha256: "00", symbols: [], payload: nil, findings: [finding])
        let sent = try JSONDecoder().decode(
            ImageReportTransport.self, from: ReportCoding.encoder(.transport).encode(ImageReportTransport(row)))
        #expect(sent.restored == row)
        let reported = String(decoding: try ReportCoding.encoder(.report).encode(finding), as: UTF8.self)
        #expect(!reported.contains("box") && !reported.contains("symbol"))
    }
}
