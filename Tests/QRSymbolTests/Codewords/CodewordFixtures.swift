import Foundation
import QRSymbol
import QRTestSupport
import Testing

/// One vector of TestVectors/codewords/manifest.json.
struct CodewordFixture: Decodable, Sendable, CustomTestStringConvertible {
    let id: String
    let version: Int
    let ecLevel: ErrorCorrectionLevel
    let mask: Int
    let segments: [DataSegment]
    let payloadHex: String
    let dataCodewordsHex: String
    let terminatorOk: Bool
    let paddingOk: Bool
    let trailingData: Int
    let matrix: [String]

    var testDescription: String { id }

    enum CodingKeys: String, CodingKey {
        case id, version, mask, segments, matrix
        case ecLevel = "ec_level"
        case payloadHex = "payload_hex"
        case dataCodewordsHex = "data_codewords_hex"
        case terminatorOk = "terminator_ok"
        case paddingOk = "padding_ok"
        case trailingData = "trailing_data"
    }

    /// The expected payload bytes.
    var payload: [UInt8] { Self.bytes(hex: payloadHex) }
    /// segno's data codewords, before interleaving.
    var dataCodewords: [UInt8] { Self.bytes(hex: dataCodewordsHex) }

    static func bytes(hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return bytes
    }

    /// The module matrix, or nil if the rows are not a valid QR size.
    var moduleMatrix: ModuleMatrix? {
        ModuleMatrix(size: matrix.count, modules: matrix.flatMap { row in row.map { $0 == "1" } })
    }
}

/// Loads the codeword manifest once; its format version is checked before the body is used.
enum CodewordFixtures {
    enum LoadError: Error {
        case unsupportedFormat(Int)
        case unreadable(String)
    }

    private struct Manifest: Decodable {
        let formatVersion: Int
        let vectors: [CodewordFixture]
        enum CodingKeys: String, CodingKey {
            case formatVersion = "format_version"
            case vectors
        }
    }

    private struct Header: Decodable {
        let formatVersion: Int
        enum CodingKeys: String, CodingKey { case formatVersion = "format_version" }
    }

    static let url = Repository.root.appendingPathComponent("TestVectors/codewords/manifest.json")

    static let all: [CodewordFixture] = (try? load()) ?? []

    static func load() throws -> [CodewordFixture] {
        let data = try Data(contentsOf: url)
        let header = try JSONDecoder().decode(Header.self, from: data)
        guard header.formatVersion == 1 else { throw LoadError.unsupportedFormat(header.formatVersion) }
        return try JSONDecoder().decode(Manifest.self, from: data).vectors
    }

    static func named(_ id: String) -> CodewordFixture? { all.first { $0.id == id } }
}

/// SplitMix64: a small deterministic generator so random tests repeat exactly.
struct CodewordRNG: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
