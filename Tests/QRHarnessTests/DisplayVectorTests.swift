import Foundation
import QRConformance
import QRImaging
import QRSymbol
import QRTestSupport
import QRHarness
import Testing

/// Runs real OCR (tesseract) over every display vector and checks each DSP rule's expected outcome, or that the rule
/// was unsure (inconclusive) where the reading could not decide it: never the other outcome.
@Suite struct DisplayVectorTests {
    struct Manifest: Decodable {
        let format_version: Int
        let rules: [String]
        let vectors: [Vector]
    }

    struct Vector: Decodable, CustomTestStringConvertible, Sendable {
        let id: String
        let file: String
        let display_mode: String?
        let payload: String
        let expected: [String: String]

        var testDescription: String { id }
    }

    static let directory = Repository.root.appendingPathComponent("TestVectors/display")

    static func manifest() throws -> Manifest {
        try JSONDecoder().decode(
            Manifest.self, from: Data(contentsOf: directory.appendingPathComponent("manifest.json")))
    }

    static func vectors() -> [Vector] {
        (try? manifest().vectors) ?? []
    }

    @Test func manifestIsVersionOneAndCoversEveryDisplayRule() throws {
        let manifest = try Self.manifest()
        #expect(manifest.format_version == 1)
        #expect(manifest.rules == RuleRegistry.ids.filter { $0.hasPrefix("DSP-") })
        for rule in manifest.rules {
            let outcomes = Set(manifest.vectors.compactMap { $0.expected[rule] })
            #expect(outcomes.contains("pass"), "\(rule) has a passing vector")
            #expect(outcomes.contains("fail") || outcomes.contains("warn"), "\(rule) has a failing vector")
        }
    }

    @Test(arguments: vectors())
    func verdictsMatchTheManifest(_ vector: Vector) throws {
        let path = Self.directory.appendingPathComponent(vector.file).path
        let pipeline = try ImagePipeline(memoising: true)
        let spec = try SpecFile.load(idOrPath: "vn-personal-qr@1.1")
        let judging = ImageJudging(
            options: CheckOptions(spec: spec, validationTime: Date(timeIntervalSince1970: 1_767_225_600)))
        let mode = vector.display_mode.flatMap(DisplayMode.init(rawValue:))
        let judged = pipeline.run(
            ImageJob(index: 0, path: path, displayMode: mode, wantsObservation: true), judging: judging)
        #expect(judged.report.error == nil)
        #expect(judged.observation?.symbols.map(\.payload) == [Array(vector.payload.utf8)])
        let findings = judged.report.findings
        // The words are read also without a declared mode (the same reading, memoised), to check that masking them
        // keeps no full ID.
        let read =
            mode == nil
            ? pipeline.run(
                ImageJob(index: 0, path: path, displayMode: .default, wantsObservation: true), judging: judging)
            : judged
        let reading = try #require(read.observation?.screenText.value)
        let fields = PersonalQRPayload.parse(bytes: Array(vector.payload.utf8)).payload
        let masked = ScreenTextMask.masked(
            reading.words, idNumber: fields?.soGiayTo.text, birthDate: fields?.ngaySinh.text)
        for (rule, expected) in vector.expected.sorted(by: { $0.key < $1.key }) {
            let finding = findings.first { $0.rule == rule }
            // A reading may be unsure (inconclusive, with its region), never wrong.
            #expect(
                finding?.outcome.rawValue == expected || finding?.outcome == .inconclusive,
                "\(rule): \(finding?.message ?? "no finding") | \(masked.map(\.text).joined(separator: " "))")
        }
        if let number = fields?.soGiayTo.text {
            #expect(!masked.map(\.text).joined(separator: " ").contains(number), "masked words keep no full ID")
        }
    }
}
