import Foundation
import QRConformance
import QRConformanceReports
import Testing

@Suite("Streaming report writer")
struct StreamingReportWriterTests {
    static func row(_ file: String, _ verdict: Verdict) -> ImageReport {
        switch verdict {
        case .error:
            ImageReport(file: file, sha256: nil, error: ImageError(code: .init("png-truncated"), message: "\(file): x"))
        case .fail:
            ImageReport(
                file: file, sha256: "ab", symbols: [symbol], payload: nil,
                findings: [
                    Finding(
                        rule: "SYM-001", outcome: .fail, severity: .error, message: "m", evidence: Evidence(),
                        symbol: nil)
                ])
        case .inconclusive:
            ImageReport(
                file: file, sha256: "ef", symbols: [], payload: nil,
                findings: [
                    Finding(
                        rule: "SYM-017", outcome: .inconclusive, severity: .error, message: "m", evidence: Evidence(),
                        symbol: nil, remedy: "r")
                ])
        case .pass: ImageReport(file: file, sha256: "cd", symbols: [], payload: nil, findings: [])
        }
    }

    /// A symbol that could not be measured, with a fractional corner.
    static let symbol = try! JSONDecoder().decode(
        SymbolReport.self,
        from: Data(
            """
            {"symbology": "QR-Code", "polarity": "dark-on-light", "polygon": [[1, 2.5], [1, 9], [8, 9], [8, 2]],
             "zbar_polygon": [[1, 2], [1, 9], [8, 9], [8, 2]], "measurement_error": "no finder"}
            """.utf8))

    @Test("row-by-row output equals the whole report encoded at once", arguments: [0, 1, 3])
    func equalsWholeReport(count: Int) throws {
        let verdicts: [Verdict] = [.pass, .fail, .error]
        let rows = (0..<count).map { Self.row("img\($0).png", verdicts[$0 % 3]) }
        let tool = CheckReport.Tool(name: "qrconform", version: "t")
        let spec = CheckReport.SpecReference(id: "s", version: "1", sha256: "00")
        let errors = count == 1 ? [ImageError(code: .noTrustList, message: "none")] : []
        let whole = CheckReport(
            tool: tool, spec: spec, validationTime: "2026-01-01T00:00:00Z", images: rows, errors: errors,
            trustListSHA256: count == 3 ? "ff" : nil)
        var out = Data()
        var writer = try StreamingReportWriter(
            tool: tool, spec: spec, validationTime: "2026-01-01T00:00:00Z", errors: errors,
            trustListSHA256: count == 3 ? "ff" : nil
        ) { out.append($0) }
        for row in rows { try writer.append(row) }
        let verdict = try writer.finish()
        let got = String(decoding: out, as: UTF8.self)
        let want = String(decoding: try whole.jsonData(), as: UTF8.self)
        #expect(got == want)
        #expect(verdict == whole.verdict)
    }
}
