import QRSymbol
import Testing

/// The rectangle around a decoder's corner points: clamped, never trapping, whatever the points are.
@Suite("PixelRect")
struct PixelRectTests {
    struct EnclosingCase: Sendable, CustomTestStringConvertible {
        let name: String
        let points: [Point]
        let scale: Double
        let margin: Double
        let expected: [Int]?  // x, y, width, height
        var testDescription: String { name }
    }

    static func p(_ x: Double, _ y: Double) -> Point { Point(x: x, y: y) }
    static let cases: [EnclosingCase] = [
        .init(
            name: "bounding box scaled and grown by the margin", points: [p(10, 10), p(20, 30)], scale: 2,
            margin: 4, expected: [16, 16, 28, 48]),
        .init(
            name: "fractional edges round outwards", points: [p(10.5, 10.5), p(20.2, 30.7)], scale: 1,
            margin: 0, expected: [10, 10, 11, 21]),
        .init(
            name: "clamped at the top-left edge", points: [p(-5, 3), p(10, 10)], scale: 1, margin: 8,
            expected: [0, 0, 18, 18]),
        .init(
            name: "clamped at the bottom-right edge", points: [p(90, 95), p(99, 99)], scale: 1, margin: 8,
            expected: [82, 87, 18, 13]),
        .init(
            name: "wholly outside the image is nil", points: [p(200, 200), p(300, 300)], scale: 1, margin: 1,
            expected: nil),
        .init(
            name: "wholly left of the image is nil", points: [p(-50, 10), p(-20, 20)], scale: 1, margin: 1,
            expected: nil),
        .init(name: "a NaN coordinate is nil", points: [p(.nan, 10), p(20, 20)], scale: 1, margin: 1, expected: nil),
        .init(
            name: "an infinite coordinate is nil", points: [p(.infinity, 10), p(20, 20)], scale: 1, margin: 1,
            expected: nil),
        .init(
            name: "coordinates that overflow when scaled clamp to the image",
            points: [p(-1e308, -1e308), p(1e308, 1e308)], scale: 10, margin: 0, expected: [0, 0, 100, 100]),
        .init(name: "no points is nil", points: [], scale: 1, margin: 1, expected: nil),
        .init(name: "a zero scale is nil", points: [p(1, 1)], scale: 0, margin: 1, expected: nil),
        .init(name: "a negative margin is nil", points: [p(1, 1), p(5, 5)], scale: 1, margin: -1, expected: nil),
        .init(
            name: "a single point with no margin is empty, nil", points: [p(5, 5)], scale: 1, margin: 0,
            expected: nil),
    ]

    @Test("enclosing rectangle of untrusted points", arguments: cases)
    func enclosing(_ c: EnclosingCase) {
        let rect = PixelRect.enclosing(c.points, scale: c.scale, margin: c.margin, imageWidth: 100, imageHeight: 100)
        #expect(rect.map { [$0.x, $0.y, $0.width, $0.height] } == c.expected)
    }

    @Test(
        "empty, negative and overflowing rectangles cannot be made",
        arguments: [
            (0, 0, 0, 1), (0, 0, 1, 0), (-1, 0, 1, 1), (0, -1, 1, 1), (Int.max, 0, 1, 1), (0, Int.max - 1, 1, 2),
        ])
    func refusesInvalid(x: Int, y: Int, width: Int, height: Int) {
        #expect(PixelRect(x: x, y: y, width: width, height: height) == nil)
    }
}
