import Foundation
import QRImaging
import QRSymbol
import QRTestSupport
import Testing

/// The symbol vectors' manifest (TestVectors/symbols/manifest.json) and their PNGs, read from the repository.
struct SymbolVectorManifest: Decodable {
    static let supportedFormatVersion = 1

    let formatVersion: Int
    let vectors: [Vector]

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case vectors
    }

    struct Vector: Decodable, Sendable {
        let id: String
        let group: String
        let version: Int
        let ecLevel: ErrorCorrectionLevel
        let mask: Int
        let modulePx: Double
        let quietZone: Sides
        let rotationDegrees: Double
        let polarity: Polarity
        let corners: [Point]
        let rendering: String
        let width: Int
        let height: Int
        let files: Files
        let flags: [String]
        let expected: Expected

        enum CodingKeys: String, CodingKey {
            case id, group, version, mask, polarity, corners, rendering, width, height, files, flags, expected
            case ecLevel = "ec_level"
            case modulePx = "module_px"
            case quietZone = "quiet_zone"
            case rotationDegrees = "rotation_degrees"
        }

        var isDamage: Bool { group.hasPrefix("damage") }
    }

    struct Sides: Decodable, Sendable {
        let top: Int
        let right: Int
        let bottom: Int
        let left: Int
    }

    struct Files: Decodable, Sendable {
        let png: String
    }

    struct Expected: Decodable, Sendable {
        let formatCopiesAgree: String
        let formatCopies: [Copy?]
        let versionInfoBlocks: [Int?]

        enum CodingKeys: String, CodingKey {
            case formatCopiesAgree = "format_copies_agree"
            case formatCopies = "format_copies"
            case versionInfoBlocks = "version_info_blocks"
        }
    }

    struct Copy: Decodable, Sendable, Equatable {
        let ecLevel: ErrorCorrectionLevel
        let mask: Int
        let bitErrors: Int

        enum CodingKeys: String, CodingKey {
            case mask
            case ecLevel = "ec_level"
            case bitErrors = "bit_errors"
        }
    }

    enum LoadError: Error, Equatable {
        case unsupportedFormatVersion(found: Int, highestSupported: Int)
        case badPGM(path: String)
    }

    /// TestVectors/symbols, found from this source file's location in the repository.
    static let directory: URL = Repository.root.appendingPathComponent("TestVectors/symbols")

    static func load() throws -> SymbolVectorManifest {
        let data = try Data(contentsOf: directory.appendingPathComponent("manifest.json"))
        let manifest = try JSONDecoder().decode(SymbolVectorManifest.self, from: data)
        guard manifest.formatVersion <= supportedFormatVersion else {
            throw LoadError.unsupportedFormatVersion(
                found: manifest.formatVersion,
                highestSupported: supportedFormatVersion)
        }
        return manifest
    }

    /// Every vector, or none when the manifest cannot be read; a separate test asserts the manifest loads,
    /// so an empty list cannot pass silently.
    static func allVectors() -> [Vector] {
        (try? load())?.vectors ?? []
    }

    /// The vector's PNG, decoded by the imaging layer (libpng); the measurement under test stays pure.
    static func image(_ vector: Vector) throws -> GrayImage {
        let path = directory.appendingPathComponent(vector.files.png).path
        return try PNGDecoder.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), path: path)
    }

    /// The true corners moved by a deterministic pseudo-random offset of up to ±2 px per coordinate,
    /// standing in for zbar's 1–4 px corner error.
    static func perturbedCorners(_ vector: Vector) -> [Point] {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in vector.id.utf8 { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 }
        func next() -> Double {
            state = state &+ 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            z ^= z >> 31
            return Double(z >> 11) / Double(1 << 53) * 4 - 2
        }
        return vector.corners.map { Point(x: $0.x + next(), y: $0.y + next()) }
    }
}

extension SymbolVectorManifest.Vector: CustomTestStringConvertible {
    var testDescription: String { id }
}
