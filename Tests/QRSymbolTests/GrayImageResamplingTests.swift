import QRSymbol
import Testing

/// Downscaling and cropping of in-memory images, the pure half of the scanner's locate-then-read strategy.
@Suite("GrayImage downscaling and cropping")
struct GrayImageResamplingTests {
    /// A `width` × `height` image whose pixel (x, y) is `value(x, y)`.
    static func image(_ width: Int, _ height: Int, ppi: Double? = nil, _ value: (Int, Int) -> Int) -> GrayImage? {
        var pixels: [UInt8] = []
        for y in 0..<height { for x in 0..<width { pixels.append(UInt8(value(x, y))) } }
        return GrayImage(width: width, height: height, pixels: pixels, pixelsPerInch: ppi)
    }

    struct DownscaleCase: Sendable, CustomTestStringConvertible {
        let name: String
        let width: Int, height: Int
        let pixels: [UInt8]
        let factor: Int
        let expectedWidth: Int, expectedHeight: Int
        let expected: [UInt8]
        var testDescription: String { name }
    }

    static let downscaleCases: [DownscaleCase] = [
        .init(name: "2x2 blocks average, rounding half up", width: 4, height: 2,
              pixels: [0, 1, 10, 10, 1, 0, 10, 11], factor: 2, expectedWidth: 2, expectedHeight: 1, expected: [1, 10]),
        .init(name: "odd width and height drop the last column and row", width: 5, height: 3,
              pixels: [200, 200, 0, 0, 99, 200, 200, 0, 0, 99, 99, 99, 99, 99, 99], factor: 2,
              expectedWidth: 2, expectedHeight: 1, expected: [200, 0]),
        .init(name: "factor 3 averages 9 pixels", width: 3, height: 3,
              pixels: [0, 0, 0, 0, 255, 0, 0, 0, 0], factor: 3, expectedWidth: 1, expectedHeight: 1, expected: [28]),
        .init(name: "factor 1 is the image itself", width: 2, height: 1,
              pixels: [7, 9], factor: 1, expectedWidth: 2, expectedHeight: 1, expected: [7, 9]),
        .init(name: "white stays white and black stays black", width: 4, height: 4,
              pixels: [255, 255, 0, 0, 255, 255, 0, 0, 0, 0, 255, 255, 0, 0, 255, 255], factor: 2,
              expectedWidth: 2, expectedHeight: 2, expected: [255, 0, 0, 255]),
    ]

    @Test("downscaling averages whole blocks", arguments: downscaleCases)
    func downscales(_ c: DownscaleCase) throws {
        let image = try #require(GrayImage(width: c.width, height: c.height, pixels: c.pixels))
        let small = try #require(image.downscaled(by: c.factor))
        #expect(small.width == c.expectedWidth && small.height == c.expectedHeight)
        #expect(small.pixels == c.expected)
    }

    @Test("a factor below 1 or an image smaller than one block cannot be downscaled", arguments: [(0, 4, 4), (-2, 4, 4), (2, 1, 4), (2, 4, 1), (5, 4, 4)])
    func refusesImpossibleDownscale(factor: Int, width: Int, height: Int) throws {
        let image = try #require(Self.image(width, height) { _, _ in 128 })
        #expect(image.downscaled(by: factor) == nil)
    }

    @Test("the factor-2 path and the general path agree on a busy image")
    func halvingMatchesGeneralPath() throws {
        let image = try #require(Self.image(37, 23) { x, y in (x * 37 + y * 91 + x * y) % 256 })
        let halved = try #require(image.downscaled(by: 2))
        for y in 0..<halved.height {
            for x in 0..<halved.width {
                let block = [image.luma(x: 2 * x, y: 2 * y), image.luma(x: 2 * x + 1, y: 2 * y),
                             image.luma(x: 2 * x, y: 2 * y + 1), image.luma(x: 2 * x + 1, y: 2 * y + 1)]
                let sum = block.compactMap { $0 }.map(Int.init).reduce(0, +)
                #expect(halved.luma(x: x, y: y) == UInt8((sum + 2) / 4), "pixel (\(x), \(y))")
            }
        }
    }

    @Test("the pixel density shrinks with the image, so it still describes the same screen")
    func densityShrinks() throws {
        let image = try #require(Self.image(4, 4, ppi: 460) { _, _ in 0 })
        #expect(image.downscaled(by: 2)?.pixelsPerInch == 230)
        #expect(try #require(Self.image(4, 4) { _, _ in 0 }).downscaled(by: 2)?.pixelsPerInch == nil)
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

    @Test("a crop reaching past the image is refused", arguments: [(5, 0, 2, 1), (0, 4, 1, 2), (0, 0, 7, 5), (0, 0, 6, 6)])
    func refusesCropOutside(x: Int, y: Int, width: Int, height: Int) throws {
        let image = try #require(Self.image(6, 5) { _, _ in 0 })
        let rect = try #require(PixelRect(x: x, y: y, width: width, height: height))
        #expect(image.cropped(to: rect) == nil)
    }
}
