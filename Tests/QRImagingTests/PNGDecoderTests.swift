import Foundation
import QRSymbol
import Testing

@testable import QRImaging

@Suite("PNG loading")
struct PNGDecoderTests {
    static let colourFixtures = [
        "gray1.png", "gray2.png", "gray4.png", "gray8.png", "gray16.png", "gray_alpha.png", "rgb8.png", "rgb16.png",
        "rgba8.png", "rgba16.png", "palette.png", "palette_trns.png", "interlaced.png", "phys460.png",
    ]

    @Test("every colour type and bit depth decodes to the expected luma", arguments: colourFixtures)
    func decodesColourTypes(name: String) throws {
        let truth = try #require(try FixtureFiles.truth()[name])
        let (_, image) = try ImageFile.load(path: FixtureFiles.path(name))
        #expect(image.width == truth.width)
        #expect(image.height == truth.height)
        if let rows = truth.luma {
            for (y, row) in rows.enumerated() {
                for (x, value) in row.enumerated() {
                    #expect(Int(image.luma(x: x, y: y) ?? 0) == value, "pixel (\(x), \(y))")
                }
            }
        }
        for spot in truth.luma_at ?? [] {
            let actual = Int(image.luma(x: spot[0], y: spot[1]) ?? 0)
            #expect(abs(actual - spot[2]) <= 1, "pixel (\(spot[0]), \(spot[1])) is \(actual), expected \(spot[2])")
        }
    }

    @Test("pHYs in pixels per metre is exposed as pixels per inch")
    func readsPixelDensity() throws {
        let (_, image) = try ImageFile.load(path: FixtureFiles.path("phys460.png"))
        let ppi = try #require(image.pixelsPerInch)
        #expect(abs(ppi - 460) < 0.01)
        let (_, plain) = try ImageFile.load(path: FixtureFiles.path("gray8.png"))
        #expect(plain.pixelsPerInch == nil)
    }

    struct Refusal: CustomTestStringConvertible, Sendable {
        let file: String
        let code: String
        let mentions: String
        var testDescription: String { "\(file) → \(code)" }
    }

    static let refusals = [
        Refusal(file: "truncated.png", code: "png-truncated", mentions: "truncated PNG"),
        Refusal(file: "not_a_png.png", code: "not-png", mentions: "this is a GIF image, not a PNG"),
        Refusal(file: "bad_crc.png", code: "png-bad-crc", mentions: "CRC mismatch in the IHDR chunk"),
        Refusal(file: "huge_header.png", code: "image-too-large", mentions: "100000×100000 pixels"),
        Refusal(file: "does_not_exist.png", code: "file-unreadable", mentions: "no such file"),
    ]

    @Test("bad files are typed errors that name the file and the cause", arguments: refusals)
    func refusesBadFiles(refusal: Refusal) {
        let path = FixtureFiles.path(refusal.file)
        #expect {
            _ = try ImageFile.load(path: path)
        } throws: { error in
            guard let error = error as? ImageLoadError else { return false }
            return error.code.rawValue == refusal.code && error.description.hasPrefix(path)
                && error.description.contains(refusal.mentions)
        }
    }

    @Test("the pixel limit is checked from the header, and limits are configurable")
    func limitsAreConfigurable() throws {
        let bytes = try ImageFile.readBytes(path: FixtureFiles.path("gray8.png"))
        #expect(throws: ImageLoadError.tooManyPixels(path: "x", width: 4, height: 2, limit: 7)) {
            _ = try PNGDecoder.decode(bytes, path: "x", limits: ImageLimits(maxPixels: 7, maxFileBytes: 1 << 20))
        }
        #expect(throws: ImageLoadError.fileTooLarge(path: "x", bytes: bytes.count, limit: 10)) {
            _ = try PNGDecoder.decode(bytes, path: "x", limits: ImageLimits(maxPixels: 100, maxFileBytes: 10))
        }
    }

    @Test("every prefix of a valid PNG is refused without a crash")
    func everyPrefixIsRefused() throws {
        let bytes = try ImageFile.readBytes(path: FixtureFiles.path("interlaced.png"))
        for length in 0..<bytes.count {
            #expect(throws: ImageLoadError.self) { _ = try PNGDecoder.decode(Array(bytes[0..<length]), path: "p") }
        }
    }
}

/// A PNG whose compressed data runs far past its pixels (an IDAT bomb) is refused before libpng inflates any of it.
@Suite("PNG decompression bombs")
struct PNGBombTests {
    /// `png` with one more IDAT chunk of `extra` bytes inserted before IEND.
    static func withExtraIDAT(_ png: [UInt8], extra: Int) -> [UInt8] {
        let iend = png.count - 12
        let body = [UInt8](repeating: 0, count: extra)
        let type = Array("IDAT".utf8)
        let length = UInt32(extra)
        let crc = CRC32.checksum((type + body)[...])
        let chunk =
            [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
            + type + body + [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)]
        return Array(png[..<iend]) + chunk + Array(png[iend...])
    }

    @Test("IDAT data beyond what a 100×100 image can need is a malformed PNG that names the cause")
    func refusesDataPastTheImage() throws {
        let image = try #require(GrayImage(width: 100, height: 100, pixels: [UInt8](repeating: 200, count: 10_000)))
        let png = try PNGEncoder.encode(image)
        #expect(throws: Never.self) { _ = try PNGDecoder.decode(png, path: "ok.png") }
        do {
            _ = try PNGDecoder.decode(Self.withExtraIDAT(png, extra: 200_000), path: "bomb.png")
            Issue.record("the bomb decoded")
        } catch {
            #expect(error.code == .pngMalformed)
            #expect(error.file == "bomb.png")
            #expect(error.cause.contains("decompression bomb"))
        }
    }

    @Test(
        "the bound covers every real encoding: rows with filter bytes, interlacing, 16-bit RGBA",
        arguments: [(1, 1, 1, 0, false, 65_538), (100, 100, 8, 0, false, 76_898), (100, 100, 16, 6, true, 207_340)])
    func boundCoversRealEncodings(width: Int, height: Int, depth: Int, colour: Int, interlaced: Bool, limit: Int) {
        #expect(
            PNGChunkReader.compressedLimit(
                width: width, height: height, bitDepth: depth, colourType: colour, interlaced: interlaced) == limit)
        #expect(
            PNGChunkReader.compressedLimit(
                width: Int.max / 2, height: 3, bitDepth: 16, colourType: 6, interlaced: false) == Int.max)
    }
}
