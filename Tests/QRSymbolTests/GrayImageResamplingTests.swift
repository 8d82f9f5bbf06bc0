import QRSymbol
import Testing

/// Subsampling and cropping of in-memory images, the pure half of the scanner's locate-then-read strategy.
@Suite("GrayImage subsampling and cropping")
struct GrayImageResamplingTests {
    /// A `width` × `height` image whose pixel (x, y) is `value(x, y)`.
    static func image(_ width: Int, _ height: Int, ppi: Double? = nil, _ value: (Int, Int) -> Int) -> GrayImage? {
        var pixels: [UInt8] = []
        for y in 0..<height { for x in 0..<width { pixels.append(UInt8(value(x, y))) } }
        return GrayImage(width: width, height: height, pixels: pixels, pixelsPerInch: ppi)
    }

    struct SubsampleCase: Sendable, CustomTestStringConvertible {
        let name: String
        let width: Int, height: Int
        let pixels: [UInt8]
        let factor: Int
        let expectedWidth: Int, expectedHeight: Int
        let expected: [UInt8]
        var testDescription: String { name }
    }

    static let subsampleCases: [SubsampleCase] = [
        .init(
            name: "halving keeps the top-left pixel of each 2x2 block", width: 4, height: 2,
            pixels: [0, 1, 10, 11, 2, 3, 12, 13], factor: 2, expectedWidth: 2, expectedHeight: 1, expected: [0, 10]),
        .init(
            name: "odd width and height drop the last column and row", width: 5, height: 3,
            pixels: [200, 1, 0, 1, 99, 1, 1, 1, 1, 99, 99, 99, 99, 99, 99], factor: 2,
            expectedWidth: 2, expectedHeight: 1, expected: [200, 0]),
        .init(
            name: "factor 3 keeps every 3rd pixel of every 3rd row", width: 6, height: 3,
            pixels: [5, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], factor: 3,
            expectedWidth: 2, expectedHeight: 1, expected: [5, 7]),
        .init(
            name: "factor 1 is the image itself", width: 2, height: 1,
            pixels: [7, 9], factor: 1, expectedWidth: 2, expectedHeight: 1, expected: [7, 9]),
    ]

    @Test("subsampling keeps one pixel per block", arguments: subsampleCases)
    func subsamples(_ c: SubsampleCase) throws {
        let image = try #require(GrayImage(width: c.width, height: c.height, pixels: c.pixels))
        let small = try #require(image.subsampled(by: c.factor))
        #expect(small.width == c.expectedWidth && small.height == c.expectedHeight)
        #expect(small.pixels == c.expected)
    }

    @Test(
        "a factor below 1 or an image smaller than one block cannot be subsampled",
        arguments: [(0, 4, 4), (-2, 4, 4), (2, 1, 4), (2, 4, 1), (5, 4, 4)])
    func refusesImpossibleSubsample(factor: Int, width: Int, height: Int) throws {
        let image = try #require(Self.image(width, height) { _, _ in 128 })
        #expect(image.subsampled(by: factor) == nil)
    }

    /// Why the scanner samples rather than averages: a hard-edged 4 px module stays a hard-edged 2 px module
    /// whichever pixel the code starts on, with no grey pixel between modules.
    @Test("4 px modules become hard-edged 2 px modules in every phase", arguments: 0..<4)
    func hardEdgesSurviveInEveryPhase(phase: Int) throws {
        let image = try #require(Self.image(64, 2) { x, _ in x >= phase && ((x - phase) / 4) % 2 == 0 ? 0 : 255 })
        let row = try #require(image.subsampled(by: 2)).pixels.prefix(32)
        #expect(row.allSatisfy { $0 == 0 || $0 == 255 })
        var lengths: [Int] = []
        var last: UInt8? = nil
        for value in row.dropFirst(4).dropLast(4) {
            if value == last { lengths[lengths.count - 1] += 1 } else { lengths.append(1); last = value }
        }
        #expect(lengths.dropFirst().dropLast().allSatisfy { $0 == 2 }, "runs \(lengths)")
    }

    @Test("the pixel density shrinks with the image, so it still describes the same screen")
    func densityShrinks() throws {
        let image = try #require(Self.image(4, 4, ppi: 460) { _, _ in 0 })
        #expect(image.subsampled(by: 2)?.pixelsPerInch == 230)
        #expect(try #require(Self.image(4, 4) { _, _ in 0 }).subsampled(by: 2)?.pixelsPerInch == nil)
    }

    @Test("a crop holds exactly the pixels of its rectangle")
    func cropsRectangle() throws {
        let image = try #require(Self.image(6, 5, ppi: 400) { x, y in 10 * y + x })
        let rect = try #require(PixelRect(x: 2, y: 1, width: 3, height: 2))
        let crop = try #require(image.cropped(to: rect))
        #expect(crop.width == 3 && crop.height == 2)
        #expect(crop.pixels == [12, 13, 14, 22, 23, 24])
        #expect(crop.pixelsPerInch == 400)
        let whole = try #require(PixelRect(x: 0, y: 0, width: 6, height: 5))
        #expect(image.cropped(to: whole) == image)
    }

    @Test(
        "a crop reaching past the image is refused",
        arguments: [(5, 0, 2, 1), (0, 4, 1, 2), (0, 0, 7, 5), (0, 0, 6, 6)])
    func refusesCropOutside(x: Int, y: Int, width: Int, height: Int) throws {
        let image = try #require(Self.image(6, 5) { _, _ in 0 })
        let rect = try #require(PixelRect(x: x, y: y, width: width, height: height))
        #expect(image.cropped(to: rect) == nil)
    }
}
