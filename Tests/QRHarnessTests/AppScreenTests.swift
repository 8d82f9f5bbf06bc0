import Foundation
import QRConformance
import QRHarness
import QRSymbol
import QRTestSupport
import Testing

/// The committed subset of the composed app screens (TestVectors/app-screens, drawn by headless Chromium from
/// layouts the reader was not tuned on, see scripts/gen_app_screens.py): a display rule may be unsure, never wrong.
/// A rule never says `pass` where the screen breaks it, nor `fail` where it holds; what it cannot read is
/// `inconclusive`, and every inconclusive finding names the screen region a reviewer looks at.
@Suite struct AppScreenTests {
    struct Manifest: Decodable {
        let vectors: [Vector]
    }

    struct Vector: Decodable, CustomTestStringConvertible, Sendable {
        let id: String
        let file: String
        let display_mode: String
        let expected: [String: String]
        let provenance: Provenance

        struct Provenance: Decodable, Sendable {
            let family: String
            let legible: Bool
        }

        var testDescription: String { "\(id) (\(provenance.family))" }
    }

    static let directory = Repository.root.appendingPathComponent("TestVectors/app-screens")

    static func vectors() -> [Vector] {
        let url = directory.appendingPathComponent("manifest.json")
        guard let data = try? Data(contentsOf: url) else { return [] }
        return (try? JSONDecoder().decode(Manifest.self, from: data).vectors) ?? []
    }

    /// The rule outcomes the suite gives one screen.
    static func judge(_ vector: Vector) throws -> [Finding] {
        let path = directory.appendingPathComponent(vector.file).path
        let spec = try SpecFile.load(idOrPath: "vn-personal-qr@1.1")
        let checker = try ImageChecker(
            options: CheckOptions(
                spec: spec, validationTime: Date(timeIntervalSince1970: 1_767_225_600),
                displayMode: DisplayMode(rawValue: vector.display_mode)))
        return checker.check(path: path).findings.filter { $0.rule.hasPrefix("DSP-") }
    }

    @Test func theSubsetIsThere() {
        #expect(Self.vectors().count >= 40)
    }

    @Test(arguments: vectors())
    func noRuleIsWrongAndEveryDoubtNamesItsRegion(_ vector: Vector) throws {
        let findings = try Self.judge(vector)
        for (rule, expected) in vector.expected.sorted(by: { $0.key < $1.key }) {
            let finding = try #require(findings.first { $0.rule == rule }, "\(rule) judged")
            switch expected {
            case "fail", "warn":
                #expect(finding.outcome != .pass, "\(rule): a false pass: \(finding.message)")
            case "pass":
                #expect(
                    finding.outcome != .fail && finding.outcome != .warn, "\(rule): a false fail: \(finding.message)")
            default:
                #expect(finding.outcome.rawValue == expected, "\(rule): \(finding.message)")
            }
            if finding.outcome == .inconclusive, vector.expected[rule] != "inconclusive" {
                #expect(finding.remedy != nil, "\(rule): an inconclusive finding says what would decide it")
                #expect(finding.evidence.location != nil, "\(rule): an inconclusive finding names its region")
            }
        }
    }
}
