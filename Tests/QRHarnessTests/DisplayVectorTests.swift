import Foundation
import QRConformance
import QRImaging
import QRSymbol
import QRTestSupport
import Testing

/// Runs real OCR (tesseract) over every display vector and checks each DSP rule's expected outcome.
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
        try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: directory.appendingPathComponent("manifest.json")))
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
        let loaded = try ImageFile.load(path: Self.directory.appendingPathComponent(vector.file).path)
        let symbols = try #require(QRScanner()).scan(loaded.image)
        #expect(symbols.map(\.data) == [Array(vector.payload.utf8)])
        let recognizer = try TextRecognizer()
        let words = recognizer.recognize(loaded.image, blanking: symbols.map(\.corners))
        let mode = vector.display_mode.flatMap(DisplayMode.init(rawValue:))
        let observation = ImageObservation(
            symbols: symbols.map { SymbolObservation(payload: $0.data) }, displayMode: mode, screenText: .value(words))
        let spec = try SpecCatalog.load(idOrPath: "vn-personal-qr@1.1").spec
        let findings = ConformanceEngine(spec: spec).evaluate(observation, at: Date(timeIntervalSince1970: 1_767_225_600))
        let fields = PersonalQRPayload.parse(bytes: Array(vector.payload.utf8)).payload
        let masked = ScreenTextMask.masked(words, idNumber: fields?.soGiayTo.text, birthDate: fields?.ngaySinh.text)
        for (rule, expected) in vector.expected.sorted(by: { $0.key < $1.key }) {
            let finding = findings.first { $0.rule == rule }
            #expect(
                finding?.outcome.rawValue == expected,
                "\(rule): \(finding?.message ?? "no finding") | \(masked.map(\.text).joined(separator: " "))")
        }
        if let number = fields?.soGiayTo.text {
            #expect(!masked.map(\.text).joined(separator: " ").contains(number), "masked words keep no full ID")
        }
    }
}
