import Foundation
import QRSymbol
import Testing

/// JSON shape of SymbolMeasurement: snake_case keys, lossless round trip, compact module encoding.
@Suite("SymbolMeasurement coding")
struct SymbolMeasurementCodingTests {
    static func measured(_ group: String) throws -> SymbolMeasurement {
        let vector = try #require(SymbolVectorManifest.allVectors().first { $0.group == group })
        let image = try SymbolVectorManifest.image(vector)
        return try SymbolMeasurer.measure(image: image, corners: vector.corners, polarity: vector.polarity).get()
    }

    @Test("top-level and nested keys are snake_case")
    func keys() throws {
        let data = try JSONEncoder().encode(try Self.measured("damage-version"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "version", "version_sources", "ec_level", "mask", "format_copies",
                "format_copies_agree", "module_px", "square", "rendering",
                "quiet_zone_modules", "contrast", "polarity", "rotation_degrees", "size_px",
                "corners", "modules",
            ])
        let sources = try #require(object["version_sources"] as? [String: Any])
        #expect(Set(sources.keys) == ["geometry", "info_blocks", "agree"])
        let copies = try #require(object["format_copies"] as? [[String: Any]])
        #expect(Set(copies.first?.keys.map { $0 } ?? []) == ["ec_level", "mask", "bit_errors"])
        let contrast = try #require(object["contrast"] as? [String: Any])
        #expect(Set(contrast.keys) == ["symbol_contrast", "near_threshold_fraction"])
        #expect(Set((object["module_px"] as? [String: Any])?.keys.map { $0 } ?? []) == ["x", "y", "min", "max"])
        #expect(object["format_copies_agree"] as? String == "both-agree")
        #expect(object["polarity"] as? String == "dark-on-light")
    }

    @Test("unreadable format encodes nulls and round-trips exactly")
    func roundTrip() throws {
        let original = try Self.measured("damage-format")
        let decoded = try JSONDecoder().decode(SymbolMeasurement.self, from: try JSONEncoder().encode(original))
        #expect(decoded == original)
        let destroyed = SymbolVectorManifest.allVectors().filter { $0.flags.contains("format-both-destroyed") }
        let vector = try #require(destroyed.first)
        let m = try SymbolMeasurer.measure(
            image: try SymbolVectorManifest.image(vector), corners: vector.corners,
            polarity: vector.polarity
        ).get()
        let text = try #require(String(data: try JSONEncoder().encode(m), encoding: .utf8))
        #expect(text.contains("\"ec_level\":null") && text.contains("\"mask\":null"))
        #expect(text.contains("\"format_copies\":[null,null]") && text.contains("\"unreadable\""))
    }

    @Test("module matrix hex encoding round-trips and rejects bad input")
    func moduleHex() throws {
        let modules = (0..<(25 * 25)).map { $0 % 3 == 0 || $0 % 7 == 1 }
        let matrix = try #require(ModuleMatrix(size: 25, modules: modules))
        let data = try JSONEncoder().encode(matrix)
        #expect(try JSONDecoder().decode(ModuleMatrix.self, from: data) == matrix)
        for bad in [#"{"size":25,"hex":"zz"}"#, #"{"size":22,"hex":"00"}"#, #"{"size":-5,"hex":""}"#] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(ModuleMatrix.self, from: Data(bad.utf8)) }
        }
    }
}
