import Foundation
import QRTestSupport
import Testing

/// The report formats are locked by golden files in `Reports/golden/`; a change of format shows as a diff there.
/// Re-record on purpose with `QRCONFORM_RECORD_GOLDEN=1 swift test --filter GoldenReportTests`.
@Suite("golden reports")
struct GoldenReportTests {
    static let base = [
        "--at", "2026-11-28T00:00:00Z", "--trust-list", "TestVectors/keys/test-trust-list.jwks.json",
        "--device", "Google Pixel 7",
    ]
    static let images = ["TestVectors/examples/conformant-screenshot.png", "TestVectors/examples/two-codes.png"]

    struct Golden: CustomTestStringConvertible, Sendable {
        let file: String
        let arguments: [String]
        var testDescription: String { file }
    }

    static let goldens = [
        Golden(file: "check.json", arguments: ["check"] + base + images),
        Golden(file: "check.junit.xml", arguments: ["check", "--format", "junit"] + base + images),
        Golden(
            file: "check-inconclusive.junit.xml",
            arguments: ["check", "--format", "junit", "--display-mode", "default"] + base + [images[0]]),
        Golden(file: "decode.json", arguments: ["decode", "TestVectors/examples/conformant-screenshot.png"]),
    ]

    @Test("the report equals its golden file", arguments: goldens)
    func matchesGolden(golden: Golden) throws {
        let run = try CLIRunner.run(golden.arguments)
        let url = CLIRunner.repoRoot.appendingPathComponent("Reports/golden").appendingPathComponent(golden.file)
        if ProcessInfo.processInfo.environment["QRCONFORM_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try run.stdout.write(to: url)
        }
        let expected = try Data(contentsOf: url)
        #expect(run.stdout == expected, "\(golden.file) changed; re-record on purpose (see the suite's doc comment)")
    }
}
