import QRConformance
import Testing

@testable import QRConformanceReports

@Suite("screen text map in HTML reports")
struct ScreenTextMapTests {
    static func finding(_ rule: String, _ outcome: RuleOutcome, _ location: String?) -> Finding {
        Finding(rule: rule, outcome: outcome, severity: .error, message: "m",
                evidence: Evidence(measured: nil, limit: nil, where: location), symbol: nil)
    }

    @Test("the box of a display finding is read from its evidence", arguments: [
        ("screen text line 3 at x 60–512, y 700–742", true),
        ("screen text line 3", false),
        ("modules", false),
    ])
    func parsesLocation(location: String, hasBox: Bool) {
        #expect((ScreenTextMap.parse(location) != nil) == hasBox)
    }

    @Test("only display findings with a place on the screen are drawn, labelled by rule, without any text read")
    func drawsBoxes() {
        let svg = ScreenTextMap.svg([
            Self.finding("DSP-002", .fail, "screen text line 2 at x 60–512, y 700–742"),
            Self.finding("SYM-013", .fail, "screen text line 9 at x 1–2, y 3–4"),
            Self.finding("DSP-007", .pass, "screen text line 1"),
        ])
        #expect(svg.contains(">DSP-002</text>"))
        #expect(!svg.contains("SYM-013"))
        #expect(!svg.contains("DSP-007"))
        #expect(ScreenTextMap.svg([Self.finding("DSP-001", .notApplicable, nil)]).isEmpty)
    }
}
