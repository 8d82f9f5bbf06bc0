import Foundation
import QRTestSupport

/// Locates the committed fixtures and their ground truth (written by scripts/gen_png_fixtures.py).
enum FixtureFiles {
    static let directory = Repository.root.appendingPathComponent("Tests/QRImagingTests/Fixtures")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    struct Truth: Decodable {
        var width: Int?
        var height: Int?
        var luma: [[Int]]?
        var luma_at: [[Int]]?
        var ppi: Double?
        var payloads: [String]?
        var payloads_b64: [String]?
        var polarities: [String]?
        var corners: [[Double]]?

        var expectedPayloads: [[UInt8]] {
            if let payloads { return payloads.map { Array($0.utf8) } }
            return (payloads_b64 ?? []).compactMap { Data(base64Encoded: $0).map { [UInt8]($0) } }
        }
    }

    static func truth() throws -> [String: Truth] {
        let data = try Data(contentsOf: directory.appendingPathComponent("fixtures.json"))
        return try JSONDecoder().decode([String: Truth].self, from: data)
    }
}
