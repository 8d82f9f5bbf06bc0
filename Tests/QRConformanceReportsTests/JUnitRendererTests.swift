import Foundation
import QRConformance
import QRConformanceReports
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects testsuite names and failure/skipped/error counts while parsing.
final class JUnitCollector: NSObject, XMLParserDelegate {
    var suites: [String] = []
    var elements: [String: Int] = [:]
    var testcases: [String] = []

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements[name, default: 0] += 1
        if name == "testsuite" { suites.append(attributes["name"] ?? "") }
        if name == "testcase" { testcases.append(attributes["name"] ?? "") }
    }
}

@Suite struct JUnitRendererTests {
    typealias F = ReportRendererFixtures

    @Test func oneSuitePerGroupOneCasePerRuleParsedByXMLParser() throws {
        let spec = try SpecCatalog.load(named: SpecCatalog.defaultID).spec
        let xml = JUnitRenderer.render(ReportView(submission: try F.report(), spec: spec))
        let parser = XMLParser(data: Data(xml))
        let collector = JUnitCollector()
        parser.delegate = collector
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(collector.suites == ["submission rules", "screenshot p01 <default>.png", "screenshot broken.png"])
        #expect(collector.elements["failure"] == 2)
        #expect(collector.elements["skipped"] == 1)
        #expect(collector.elements["error"] == 1)
        // The warning, and the inconclusive SYM-017 with its evidence.
        #expect(collector.elements["system-out"] == 2)
        let title = try #require(spec.rule("SYM-002")?.title.en)
        #expect(collector.testcases.contains("SYM-002 — \(title)"))
        let text = String(decoding: xml, as: UTF8.self)
        #expect(
            text.contains(
                "<testsuites name=\"Submission ACME-1\" tests=\"6\" failures=\"2\" errors=\"1\" skipped=\"1\" time=\"0\">"
            ))
        #expect(
            text.contains(
                "message=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot; \u{FFFD}\""))
        #expect(text.contains("timestamp=\"1970-01-01T00:00:00\""))
    }

    @Test("a display screenshot says how much text was read; an inconclusive display finding shows where its crops are")
    func screenTextCoverageAndInconclusiveEvidence() throws {
        let spec = try SpecCatalog.load(named: SpecCatalog.defaultID)
        let summary = try JSONDecoder().decode(
            ScreenTextSummary.self,
            from: Data(
                (#"{"lines_found":14,"lines_read":10,"glyphs_found":169,"glyphs_read":156,"#
                    + #""unread_lines":[{"left":130,"top":2015,"right":1148,"bottom":2071}]}"#).utf8))
        let unread = Finding(
            rule: "DSP-001", outcome: .inconclusive, severity: .error,
            message: "1 stretch of text long enough to show the ID number could not be read with confidence",
            evidence: Evidence(
                measured: "156 of 169 glyphs read with confidence", limit: "every text read",
                where: "text line 8 at x 130–1148, y 2015–2071"),
            symbol: nil)
        let image = ImageReport(
            file: "p01.png", sha256: String(repeating: "a", count: 64), symbols: [], payload: nil,
            findings: [unread, F.finding("SYM-017", .inconclusive, "no ppi")], screenText: summary)
        let base = try F.report()
        let report = SubmissionReport(
            tool: base.tool, spec: spec, validationTime: Date(timeIntervalSince1970: 0), submission: base.submission,
            inputs: base.inputs, screenshots: [], images: [image], findings: [], error: nil)
        let xml = JUnitRenderer.render(ReportView(submission: report, spec: spec.spec))
        let text = String(decoding: xml, as: UTF8.self)
        #expect(text.contains("<property name=\"screen_text_lines_read\" value=\"10 of 14\"/>"))
        #expect(text.contains("<property name=\"screen_text_glyphs_read\" value=\"156 of 169\"/>"))
        #expect(text.contains("<property name=\"screen_text_unread_lines\" value=\"x 130–1148, y 2015–2071\"/>"))
        #expect(text.contains("where: text line 8 at x 130–1148, y 2015–2071\ncrops: the HTML report"))
        // Only display findings have crops.
        #expect(text.components(separatedBy: "crops: the HTML report").count == 2)
    }

    @Test func sameReportSameBytes() throws {
        let first = JUnitRenderer.render(ReportView(submission: try F.report(), spec: nil))
        let second = JUnitRenderer.render(ReportView(submission: try F.report(), spec: nil))
        #expect(first == second)
    }
}
