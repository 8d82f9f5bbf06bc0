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
        #expect(collector.elements["system-out"] == 1)
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

    @Test func sameReportSameBytes() throws {
        let first = JUnitRenderer.render(ReportView(submission: try F.report(), spec: nil))
        let second = JUnitRenderer.render(ReportView(submission: try F.report(), spec: nil))
        #expect(first == second)
    }
}
