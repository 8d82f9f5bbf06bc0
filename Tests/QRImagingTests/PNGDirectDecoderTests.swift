import Foundation
import QRSymbol
import QRTestSupport
import Testing

@testable import QRImaging

/// The libdeflate path gives exactly libpng's gray levels: on every committed PNG, on every RGB colour, and under
/// every row filter; what it does not handle it hands to libpng.
@Suite("PNG direct decoding")
struct PNGDirectDecoderTests {
    /// Every PNG under TestVectors and the test fixtures, relative to the repository, but only every 12th of the
    /// 336 browser-drawn screens (all alike, and most of the bytes: a debug build takes a minute and a half on all).
    static let committedPNGs: [String] = ["TestVectors", "Tests"].flatMap { folder -> [String] in
        let enumerator = FileManager.default.enumerator(atPath: Repository.path(folder))
        let paths = (enumerator?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".png") }.sorted()
        let screens = paths.filter { $0.hasPrefix("screens/") }
        let sampled = Set(screens.enumerated().filter { $0.offset % 12 == 0 }.map(\.element))
        return paths.filter { !$0.hasPrefix("screens/") || sampled.contains($0) }.map { "\(folder)/\($0)" }
    }

    /// The direct path's pixels and libpng's for one file; direct is nil when the file goes to libpng.
    static func bothDecodings(_ bytes: [UInt8]) throws -> (direct: [UInt8]?, libpng: [UInt8]) {
        let header = try PNGChunkReader.read(bytes)
        return (
            PNGDirectDecoder.pixels(bytes, header: header),
            try PNGDecoder.decodePixels(bytes, header: header, path: "x")
        )
    }

    @Test("every committed PNG that libpng reads decodes to the same gray levels; most take the direct path")
    func committedFiles() throws {
        var direct = 0
        var readable = 0
        for path in Self.committedPNGs {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Repository.path(path))))
            guard let decodings = try? Self.bothDecodings(bytes) else { continue }
            readable += 1
            if let pixels = decodings.direct {
                direct += 1
                #expect(pixels == decodings.libpng, "\(path)")
            }
        }
        #expect(readable > 250)
        #expect(direct > readable * 9 / 10)
    }

    @Test("all 2^24 RGB colours become libpng's gray, under each of the five row filters", arguments: 0..<16)
    func everyColour(slice: Int) throws {
        // Slice k holds the reds 16k…16k+15: column x has red 16k + x/256 and green x%256, row y has blue y.
        let width = 4096
        let height = 256
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 3
                rgb[i] = UInt8(slice * 16 + x / 256)
                rgb[i + 1] = UInt8(x % 256)
                rgb[i + 2] = UInt8(y)
            }
        }
        let png = StoredPNG.rgb(rgb, width: width, height: height, filterOfRow: { UInt8(($0 + slice) % 5) })
        let decodings = try Self.bothDecodings(png)
        let direct = try #require(decodings.direct)
        #expect(direct == decodings.libpng)
    }

    @Test(
        "files the direct path leaves to libpng",
        arguments: [
            ("rgba8.png", "alpha"), ("gray16.png", "16-bit"), ("palette.png", "palette"),
            ("interlaced.png", "interlaced"),
        ])
    func leftToLibpng(name: String, reason: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: FixtureFiles.path(name))))
        #expect(try Self.bothDecodings(bytes).direct == nil, "\(reason)")
    }

    @Test("a colour chunk (gAMA) or an unknown filter type sends the file to libpng")
    func colourChunkAndBadFilter() throws {
        let rgb = [UInt8](repeating: 100, count: 4 * 4 * 3)
        let gamma = StoredPNG.chunk("gAMA", [0, 0, 0xB1, 0x8F])
        #expect(try Self.bothDecodings(StoredPNG.rgb(rgb, width: 4, height: 4, extraChunks: gamma)).direct == nil)
        let badFilter = StoredPNG.rgb(rgb, width: 4, height: 4, filterOfRow: { _ in 0 }, rawFilterByte: 7)
        let header = try PNGChunkReader.read(badFilter)
        #expect(PNGDirectDecoder.pixels(badFilter, header: header) == nil)
        #expect(throws: ImageLoadError.self) { try PNGDecoder.decode(badFilter, path: "bad-filter.png") }
    }

    @Test("the Paeth predictor picks the nearest of left, up and upper-left, left first and up second on ties")
    func paeth() {
        #expect(PNGDirectDecoder.paeth(left: 10, up: 10, upLeft: 10) == 10)
        #expect(PNGDirectDecoder.paeth(left: 50, up: 10, upLeft: 10) == 50)
        #expect(PNGDirectDecoder.paeth(left: 10, up: 50, upLeft: 10) == 50)
        #expect(PNGDirectDecoder.paeth(left: 10, up: 20, upLeft: 30) == 10)
        #expect(PNGDirectDecoder.paeth(left: 30, up: 20, upLeft: 10) == 30)
        #expect(PNGDirectDecoder.paeth(left: 20, up: 40, upLeft: 30) == 30)
        #expect(PNGDirectDecoder.paeth(left: 30, up: 60, upLeft: 50) == 30)  // left and upper-left tie: left
        #expect(PNGDirectDecoder.paeth(left: 60, up: 30, upLeft: 50) == 30)  // up and upper-left tie: up
    }
}
