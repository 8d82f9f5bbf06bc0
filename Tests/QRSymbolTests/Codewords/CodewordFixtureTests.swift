import Foundation
import QRSymbol
import Testing

@Suite("Codeword reader on segno-encoded symbols")
struct CodewordFixtureTests {
    @Test("manifest loads with a supported format version and covers every version")
    func manifestLoads() throws {
        let vectors = try CodewordFixtures.load()
        #expect(Set(vectors.map(\.version)) == Set(1...40))
        #expect(Set(vectors.map(\.ecLevel)) == Set(ErrorCorrectionLevel.allCases))
        #expect(Set(vectors.map(\.mask)) == Set(0...7))
    }

    @Test("payload, segments and hygiene equal the encoder's input", arguments: CodewordFixtures.all)
    func readsFixture(_ fixture: CodewordFixture) throws {
        let matrix = try #require(fixture.moduleMatrix)
        #expect(matrix.version == fixture.version)
        let reading = CodewordReader.read(matrix: matrix, ecLevel: fixture.ecLevel, mask: fixture.mask)
        #expect(reading.status == .ok)
        #expect(reading.problem == nil)
        #expect(reading.payload == fixture.payload)
        #expect(reading.segments == fixture.segments)
        #expect(reading.uec == 1.0)
        #expect(reading.blocks.allSatisfy { $0.corrected == 0 })
        #expect(reading.terminatorOk == fixture.terminatorOk)
        #expect(reading.paddingOk == fixture.paddingOk)
        #expect(reading.trailingData == fixture.trailingData)
        #expect(reading.agrees(with: fixture.payload))
        #expect(!reading.agrees(with: fixture.payload + [0x20]))
    }

    @Test("de-interleaved data codewords equal segno's", arguments: CodewordFixtures.all)
    func dataCodewords(_ fixture: CodewordFixture) throws {
        let matrix = try #require(fixture.moduleMatrix)
        let structure = try #require(BlockStructure(version: fixture.version, ecLevel: fixture.ecLevel))
        let blocks = try #require(
            CodewordReader.receivedBlocks(matrix: matrix, ecLevel: fixture.ecLevel, mask: fixture.mask))
        let data = zip(blocks, structure.dataCodewords).flatMap { block, count in block.prefix(count) }
        #expect(data == fixture.dataCodewords)
    }

    @Test("the ISO example symbol holds the published data codewords")
    func isoExampleCodewords() throws {
        let fixture = try #require(CodewordFixtures.named("iso-01234567-1M"))
        let matrix = try #require(fixture.moduleMatrix)
        let blocks = try #require(CodewordReader.receivedBlocks(matrix: matrix, ecLevel: .M, mask: fixture.mask))
        #expect(blocks == [ReedSolomonTests.isoData + ReedSolomonTests.isoEC])
    }

    @Test("a wrong mask never reports the encoder's data", arguments: CodewordFixtures.all.prefix(48))
    func wrongMask(_ fixture: CodewordFixture) throws {
        let matrix = try #require(fixture.moduleMatrix)
        for mask in (0...7).filter({ $0 != fixture.mask }) {
            let reading = CodewordReader.read(matrix: matrix, ecLevel: fixture.ecLevel, mask: mask)
            #expect(reading.status != .ok || reading.payload != fixture.payload)
            #expect(reading.status == .ok || reading.payload == nil)
        }
    }

    @Test("JSON uses snake_case keys and round-trips")
    func jsonKeys() throws {
        let fixture = try #require(CodewordFixtures.named("eci26-personal-7M"))
        let reading = CodewordReader.read(matrix: try #require(fixture.moduleMatrix), ecLevel: .M, mask: fixture.mask)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(reading)
        let text = String(decoding: data, as: UTF8.self)
        for key in [
            "\"terminator_ok\"", "\"padding_ok\"", "\"trailing_data\"", "\"ec_level\"",
            "\"eci_designator\":26", "\"char_count\":72", "\"data_codewords\"", "\"ec_codewords\"",
        ] {
            #expect(text.contains(key), "missing \(key)")
        }
        #expect(try JSONDecoder().decode(CodewordReading.self, from: data) == reading)
    }
}
