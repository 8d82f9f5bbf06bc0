import Foundation
import QRConformance
import QRConformanceReports
import QRHarness
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite(.serialized) struct SubmissionCertifierTests {
    typealias S = SubmissionTestSupport

    struct Example: Sendable, CustomTestStringConvertible {
        let path: String
        let verdict: Verdict
        /// "RULE file" for every failed finding (file empty for submission rules), sorted.
        let failures: [String]
        var testDescription: String { path }
    }

    static let examples: [Example] = [
        Example(path: "pass-acme", verdict: .pass, failures: []),
        Example(path: "pass-acme.zip", verdict: .pass, failures: []),
        Example(
            path: "fail-masked-payload", verdict: .fail,
            failures: [
                "PAY-003 p01-default.png", "PAY-004 p01-default.png", "SIG-005 p01-default.png",
                "SUB-003 screenshot p01-default.png",
            ]),
        Example(path: "fail-ec-level-l", verdict: .fail, failures: ["SYM-002 p02-full.png"]),
        // The screen shows another persona's values: not finding this payload's is not a contrary reading, so DSP-005
        // and DSP-006 are inconclusive (spec README, evidence quality); SUB-003 fails the screenshot.
        Example(path: "fail-wrong-persona", verdict: .fail, failures: ["SUB-003 screenshot p01-full.png"]),
        Example(path: "fail-missing-mode", verdict: .fail, failures: ["SUB-004 persona P02"]),
        Example(path: "zip-slip.zip", verdict: .error, failures: []),
        Example(path: "symlink.zip", verdict: .error, failures: []),
    ]

    static func failures(_ report: SubmissionReport) -> [String] {
        let own = report.findings.filter { $0.outcome == .fail }.map { "\($0.rule) \($0.evidence.location ?? "")" }
        let images = report.images.flatMap { image in
            image.findings.filter { $0.outcome == .fail }.map { "\($0.rule) \(image.file)" }
        }
        return (own + images).sorted()
    }

    @Test(arguments: examples)
    func exampleSubmissionsGetTheirVerdicts(_ example: Example) throws {
        let report = try S.certifier().certify(path: S.path(example.path)).report
        #expect(report.verdict == example.verdict)
        #expect(Self.failures(report) == example.failures)
    }

    @Test func hostileZipErrorsNameTheEntry() throws {
        let certifier = try S.certifier()
        let slip = certifier.certify(path: S.path("zip-slip.zip"))
        #expect(slip.outputName == "zip-slip")
        #expect(
            slip.report.error?.message == S.path("zip-slip.zip")
                + ": entry \"../evil.png\" leaves the submission root ('..' or '.' in the path)")
        let link = certifier.certify(path: S.path("symlink.zip")).report
        #expect(
            link.error?.message == S.path("symlink.zip") + ": entry \"evil.png\" is a symbolic link; links are refused")
    }

    /// A submission file the driver must not read whole to hash it: one over the size limit, and a FIFO (whose open
    /// would block). Each is refused by the reader, and the report records no digest.
    struct UnhashedFile: Sendable, CustomTestStringConvertible {
        let name: String
        let maxArchiveBytes: Int
        let code: String
        var testDescription: String { name }
    }

    @Test(
        "a zip over the size limit or a FIFO is refused before it is read, and its digest is not taken",
        arguments: [
            UnhashedFile(name: "over-limit.zip", maxArchiveBytes: 1_000, code: "too-large"),
            UnhashedFile(
                name: "fifo.zip", maxArchiveBytes: SubmissionLimits.default.maxArchiveBytes, code: "unreadable"),
        ])
    func unhashedSubmissionFile(_ file: UnhashedFile) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "qrconform-digest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let path = work.appendingPathComponent(file.name).path
        if file.name.hasPrefix("fifo") {
            #expect(mkfifo(path, 0o644) == 0)
        } else {
            try FileManager.default.copyItem(atPath: S.path("pass-acme.zip"), toPath: path)
        }
        let limits = SubmissionLimits(
            maxEntries: SubmissionLimits.default.maxEntries, maxTotalBytes: SubmissionLimits.default.maxTotalBytes,
            maxArchiveBytes: file.maxArchiveBytes)
        let report = try S.certifier(limits: limits).certify(path: path).report
        #expect(report.error?.code.rawValue == file.code)
        #expect(report.inputs.submissionSHA256 == nil)
    }

    @Test func aZipWithinTheLimitIsHashed() throws {
        let path = S.path("pass-acme.zip")
        let report = try S.certifier().certify(path: path).report
        #expect(report.inputs.submissionSHA256 == Hashing.sha256Hex(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test func reportsAreByteIdenticalAcrossRuns() throws {
        for name in ["pass-acme", "fail-masked-payload"] {
            let first = try S.certifier().certify(path: S.path(name)).report
            let second = try S.certifier().certify(path: S.path(name)).report
            #expect(try first.jsonData() == second.jsonData())
            #expect(
                JUnitRenderer.render(ReportView(submission: first, spec: nil))
                    == JUnitRenderer.render(ReportView(submission: second, spec: nil)))
        }
    }

    /// The example personas' real values: none may appear in any report unless revealing was asked for.
    static let secrets = [
        "001093029317", "1987-01-18", "HS4010120878821", "0944713700", "079201004512", "2001-11-05", "0912345678",
    ]

    @Test func noPersonalDataInReportsUnlessRevealed() throws {
        let spec = try SpecFile.load(idOrPath: SpecCatalog.defaultID).spec
        for reveal in [false, true] {
            var texts: [String] = []
            for name in ["pass-acme", "fail-masked-payload", "fail-wrong-persona"] {
                let result = try S.certifier(reveal: reveal).certify(path: S.path(name))
                let view = ReportView(submission: result.report, spec: spec)
                texts.append(String(decoding: try result.report.jsonData(), as: UTF8.self))
                texts.append(String(decoding: JUnitRenderer.render(view), as: UTF8.self))
                texts.append(String(decoding: HTMLRenderer.render(view, visuals: result.visuals), as: UTF8.self))
            }
            // P01 is the guidance's published example, whose phone the spec quotes in a clause: public text, not a leak.
            let specText = spec.rules.map { "\($0.source)" }.joined()
            let checked = Self.secrets.filter { !specText.contains($0) }
            #expect(checked.count == Self.secrets.count - 1)
            let leaked = checked.filter { secret in texts.contains { $0.contains(secret) } }
            #expect(reveal ? !leaked.isEmpty : leaked.isEmpty, "leaked: \(leaked)")
        }
    }

    @Test func reportsValidateAndParse() throws {
        let spec = try SpecFile.load(idOrPath: SpecCatalog.defaultID).spec
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "qrconform-cert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        for example in Self.examples {
            let result = try S.certifier().certify(path: S.path(example.path))
            let view = ReportView(submission: result.report, spec: spec)
            let json = folder.appendingPathComponent(result.outputName + ".json")
            try result.report.jsonData().write(to: json)
            files.append(json.path)
            let junit = JUnitRenderer.render(view)
            let parser = XMLParser(data: Data(junit))
            #expect(parser.parse(), "\(example.path): \(String(describing: parser.parserError))")
            let html = String(decoding: HTMLRenderer.render(view, visuals: result.visuals), as: UTF8.self)
            #expect(html.contains("id=\"verdict\""))
            #expect(!html.contains("http:") && !html.contains("https:") && !html.contains("url("))
        }
        let validate = S.root.appendingPathComponent("scripts/validate-report").path
        let outcome = try S.runPython([validate] + files)
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }

    @Test func aSubmissionWithOneInconclusiveScreenshotIsInconclusiveInEveryFormat() throws {
        let path = S.root.appendingPathComponent("TestVectors/conformance/submission/no-pixel-density").path
        let result = try S.certifier().certify(path: path)
        #expect(result.report.verdict == .inconclusive)
        #expect(result.report.exitCode == 3)
        #expect(result.report.missingEvidence.map { "\($0.file ?? "") \($0.finding.rule)" } == ["p01-full.png SYM-017"])
        let json = try #require(try JSONSerialization.jsonObject(with: result.report.jsonData()) as? [String: Any])
        #expect(json["verdict"] as? String == "inconclusive")
        let view = ReportView(submission: result.report, spec: try SpecFile.load(idOrPath: SpecCatalog.defaultID).spec)
        let junit = String(decoding: JUnitRenderer.render(view), as: UTF8.self)
        #expect(junit.contains(#"<testsuite name="screenshot p01-full.png""#))
        #expect(junit.contains(#"<property name="verdict" value="inconclusive"/>"#))
        #expect(junit.contains(#"<skipped message="inconclusive: the pixel density is unknown"#))
        #expect(!junit.contains("<failure"))
        let html = String(decoding: HTMLRenderer.render(view, visuals: result.visuals), as: UTF8.self)
        #expect(html.contains(#"class="verdict v-inconclusive""#))
        let banner = try #require(
            html.components(separatedBy: #"id="missing""#).dropFirst().first?.components(separatedBy: "</div>").first)
        #expect(banner.contains("screenshot p01-full.png") && banner.contains("SYM-017") && banner.contains("--device"))
    }
}
