import QRSymbol
import Testing

@testable import QRImaging

/// Where the locating passes look: everything but flat colour, grown by the quiet-zone margin, in few rectangles.
@Suite("Content regions")
struct ContentRegionsTests {
    /// A white `width` × `height` image with black squares at the given (x, y, side).
    static func image(_ width: Int, _ height: Int, squares: [(Int, Int, Int)]) -> GrayImage? {
        var pixels = [UInt8](repeating: 255, count: width * height)
        for (x0, y0, side) in squares {
            for y in y0..<(y0 + side) { for x in x0..<(x0 + side) { pixels[y * width + x] = 0 } }
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let squares: [(Int, Int, Int)]
        let expected: [[Int]]  // x, y, width, height
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        .init(name: "a flat image has no region", squares: [], expected: []),
        .init(
            name: "one mark: its tile grown by 2 tiles on every side",
            squares: [(100, 100, 5)], expected: [[64, 64, 80, 80]]),
        .init(
            name: "a mark at the corner: the growth is clamped to the image",
            squares: [(0, 0, 5)], expected: [[0, 0, 48, 48]]),
        .init(
            name: "two distant marks: two regions, in reading order",
            squares: [(290, 690, 5), (20, 20, 5)], expected: [[0, 0, 64, 64], [256, 656, 80, 80]]),
        .init(
            name: "marks whose grown tiles touch: one region",
            squares: [(100, 100, 5), (150, 100, 5)], expected: [[64, 64, 128, 80]]),
        .init(
            name: "marks over most of the image: the whole image",
            squares: [(40, 40, 320), (40, 400, 320)], expected: [[0, 0, 400, 800]]),
    ]

    @Test("regions of a 400 x 800 image", arguments: cases)
    func regions(_ c: Case) throws {
        let image = try #require(Self.image(400, 800, squares: c.squares))
        #expect(ContentRegions.of(image).map { [$0.x, $0.y, $0.width, $0.height] } == c.expected)
    }

    @Test("a faint code (20 levels of spread, like the unmeasurable low-contrast vector) is not flat")
    func faintContentIsNotFlat() throws {
        var pixels = [UInt8](repeating: 140, count: 64 * 64)
        for i in stride(from: 0, to: pixels.count, by: 3) { pixels[i] = 130 }
        pixels[5] = 150
        let image = try #require(GrayImage(width: 64, height: 64, pixels: pixels))
        #expect(ContentRegions.of(image).count == 1)
    }

    @Test("overlapping boxes merge until none overlaps")
    func boxesMerge() {
        let boxes = [
            ContentRegions.Box(left: 0, top: 0, right: 4, bottom: 4),
            ContentRegions.Box(left: 10, top: 0, right: 12, bottom: 2),
            ContentRegions.Box(left: 3, top: 3, right: 11, bottom: 5),
        ]
        #expect(ContentRegions.merged(boxes) == [ContentRegions.Box(left: 0, top: 0, right: 12, bottom: 5)])
    }
}
