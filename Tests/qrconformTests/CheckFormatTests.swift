import Foundation
import QRTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("qrconform check --format junit|html")
struct CheckFormatTests {
    static let args = ["--at", "2026-11-28T00:00:00Z", "--trust-list", "TestVectors/keys/test-trust-list.jwks.json"]

    /// Counts the elements a JUnit reader cares about.
    final class Counter: NSObject, XMLParserDelegate {
        var failures: [String] = []
        var suites = 0
        private var testcase = ""

        func parser(
            _ p: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if name == "testsuite" { suites += 1 }
            if name == "testcase" { testcase = attributes["name"] ?? "" }
            if name == "failure" { failures.append(testcase) }
        }
    }

    @Test("JUnit XML parses and names the failed rule in its own testcase")
    func junitParses() throws {
        let run = try CLIRunner.run(
            ["check", "--format", "junit"] + Self.args + ["TestVectors/examples/ec-level-L.png"])
        #expect(run.status == 1)
        let parser = XMLParser(data: run.stdout)
        let counter = Counter()
        parser.delegate = counter
        #expect(parser.parse())
        #expect(counter.suites == 1)
        #expect(counter.failures.count == 1)
        #expect(counter.failures.first?.hasPrefix("SYM-002") == true)
    }

    @Test("HTML is one self-contained file with the verdict and no external reference")
    func htmlIsSelfContained() throws {
        let run = try CLIRunner.run(["check", "--format", "html"] + Self.args + ["TestVectors/examples/two-codes.png"])
        #expect(run.status == 1)
        let html = String(decoding: run.stdout, as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("data:image/png;base64,"))
        for external in ["http://", "https://", "src=\"//", "url(", "<script src", "<link"] {
            #expect(!html.contains(external), "found \(external)")
        }
        #expect(!html.contains("001093029317"))
    }
}
