import Foundation
import QRTestSupport
import Testing

@Suite("qrconform check")
struct CheckCommandTests {
    static let trustList = "TestVectors/keys/test-trust-list.jwks.json"
    static let at = "2026-11-28T00:00:00Z"

    struct Case: CustomTestStringConvertible, Sendable {
        let example: String
        let status: Int32
        let failing: [String]
        var testDescription: String { "\(example) → exit \(status) \(failing)" }
    }

    static let cases = [
        Case(example: "conformant-screenshot.png", status: 0, failing: []),
        Case(example: "ec-level-L.png", status: 1, failing: ["SYM-002"]),
        Case(example: "no-quiet-zone.png", status: 1, failing: ["SYM-013"]),
        Case(example: "inverted.png", status: 1, failing: ["SYM-014"]),
        Case(example: "two-codes.png", status: 1, failing: ["SYM-001"]),
        Case(example: "masked-id.png", status: 1, failing: ["PAY-003", "PAY-004", "SIG-005"]),
        Case(example: "unsigned.png", status: 1, failing: ["SIG-001"]),
    ]

    static func run(_ files: [String], _ extra: [String] = []) throws -> CLIRunner.Run {
        try CLIRunner.run(
            ["check", "--at", at, "--trust-list", trustList, "--device", "Google Pixel 7"] + extra + files)
    }

    /// Findings of an error-severity rule left inconclusive, by rule id, with their remedies.
    static func inconclusive(_ run: CLIRunner.Run) throws -> [String: String] {
        let images = try #require(run.json?["images"] as? [[String: Any]])
        let findings = try #require(images.first?["findings"] as? [[String: Any]])
        return Dictionary(
            findings.filter { $0["outcome"] as? String == "inconclusive" && $0["severity"] as? String == "error" }
                .compactMap { f in (f["rule"] as? String).map { ($0, f["remedy"] as? String ?? "") } },
            uniquingKeysWith: { first, _ in first })
    }

    @Test("without a pixel density the conformant screenshot is inconclusive (exit 3), naming SYM-017 and the fix")
    func noPixelDensityIsInconclusive() throws {
        let run = try CLIRunner.run(
            [
                "check", "--at", Self.at, "--trust-list", Self.trustList,
                "TestVectors/examples/conformant-screenshot.png",
            ])
        #expect(run.status == 3, "stderr: \(run.stderr)")
        #expect(run.json?["verdict"] as? String == "inconclusive")
        let unjudged = try Self.inconclusive(run)
        #expect(Array(unjudged.keys) == ["SYM-017"])
        #expect(unjudged["SYM-017"]?.contains("--device") == true)
    }

    @Test(
        "a signed code with no text beside it, declared default mode, is inconclusive: exit 3, DSP-002 and DSP-004 named"
    )
    func screenWithoutTextIsInconclusive() throws {
        let run = try Self.run(["TestVectors/examples/conformant-screenshot.png"], ["--display-mode", "default"])
        #expect(run.status == 3, "stderr: \(run.stderr)")
        let unjudged = try Self.inconclusive(run)
        #expect(unjudged.keys.contains("DSP-002") && unjudged.keys.contains("DSP-004"))
        #expect(unjudged.values.allSatisfy { !$0.isEmpty })
    }

    @Test("--device must name a phone of the catalogue; --ppi and --device exclude each other")
    func deviceOption() throws {
        let unknown = try Self.run(["TestVectors/examples/conformant-screenshot.png"], ["--device", "Nokia 3310"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("not in the catalogue"))
        let both = try Self.run(["TestVectors/examples/conformant-screenshot.png"], ["--ppi", "400"])
        #expect(both.status == 64)
    }

    @Test(
        "a lenient --at is a usage error naming the value",
        arguments: [
            ("2026-02-30", "not a calendar date"), ("2026-06-01Tgarbage", ValidationTimeText.notRFC3339),
            ("2026-06-01T00:00:00+99:99", "the hour, minute, second or offset is out of range"),
        ])
    func strictValidationTime(_ c: (String, String)) throws {
        for command in ["check", "certify"] {
            let run = try CLIRunner.run(
                [command, "--at", c.0, "--test-plan", "x", "--trust-list", Self.trustList, "x.png"]
                    .filter { command == "certify" || ($0 != "--test-plan" && $0 != "x") })
            #expect(run.status == 64, "\(command)")
            #expect(run.stderr.contains("--at '\(c.0)': \(c.1)"), "\(run.stderr)")
        }
    }

    @Test("each example exits as expected and names the failing rules", arguments: cases)
    func examples(c: Case) throws {
        let run = try Self.run(["TestVectors/examples/\(c.example)"])
        #expect(run.status == c.status, "stderr: \(run.stderr)")
        let images = try #require(run.json?["images"] as? [[String: Any]])
        let findings = try #require(images.first?["findings"] as? [[String: Any]])
        let failed = Set(findings.filter { $0["outcome"] as? String == "fail" }.compactMap { $0["rule"] as? String })
        #expect(failed == Set(c.failing))
    }

    @Test("a truncated file is an error row, exit 2, and the other images are still judged")
    func truncatedFileIsReported() throws {
        let bad = CLIRunner.fixture("truncated.png")
        let run = try Self.run([bad, "TestVectors/examples/ec-level-L.png"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(bad): truncated PNG"))
        let images = try #require(run.json?["images"] as? [[String: Any]])
        #expect(images.map { $0["verdict"] as? String } == ["error", "fail"])
        #expect(run.json?["verdict"] as? String == "error")
    }

    @Test("without a trust list a spec that requires signatures gives verdict error and exit 2")
    func missingTrustListIsAnError() throws {
        let run = try CLIRunner.run(["check", "--at", Self.at, "TestVectors/examples/conformant-screenshot.png"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no trust list given"))
        #expect(run.json?["verdict"] as? String == "error")
    }

    @Test(
        "a bad trust list stops the run with exit 2 naming the file",
        arguments: [
            "TestVectors/keys/test-trust-list-malformed.jwks.json", "TestVectors/keys/test-trust-list-rsa.jwks.json",
            "TestVectors/keys/no-such-file.jwks.json",
        ])
    func badTrustList(path: String) throws {
        let run = try CLIRunner.run(["check", "--trust-list", path, "TestVectors/examples/conformant-screenshot.png"])
        #expect(run.status == 2)
        #expect(run.stderr.contains(path))
    }

    @Test("reruns with the same --at are byte-identical")
    func deterministic() throws {
        let files = ["TestVectors/examples/conformant-screenshot.png", "TestVectors/examples/two-codes.png"]
        #expect(try Self.run(files).stdout == (try Self.run(files).stdout))
    }

    @Test("the report shows personal data only masked, unless --reveal-personal-data")
    func personalDataIsMasked() throws {
        let files = ["TestVectors/examples/conformant-screenshot.png", "TestVectors/examples/masked-id.png"]
        let secrets = ["001093029317", "1987-01-18", "0944713700", "HS4010120878821"]
        let masked = String(decoding: try Self.run(files).stdout, as: UTF8.self)
        for secret in secrets { #expect(!masked.contains(secret), "\(secret) leaked") }
        #expect(masked.contains("******029317"))
        let revealed = String(decoding: try Self.run(files, ["--reveal-personal-data"]).stdout, as: UTF8.self)
        for secret in secrets { #expect(revealed.contains(secret)) }
    }

    @Test("--output writes the report to a file")
    func outputFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("qrconform-\(UUID()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try Self.run(["TestVectors/examples/conformant-screenshot.png"], ["--output", path])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        let data = try #require(FileManager.default.contents(atPath: path))
        #expect(((try JSONSerialization.jsonObject(with: data)) as? [String: Any])?["verdict"] as? String == "pass")
    }
}

enum ValidationTimeText {
    static let notRFC3339 =
        "not an RFC 3339 time such as 2026-01-02T03:04:05Z or 2026-01-02T10:04:05+07:00, nor a date such as 2026-01-02"
}
