import Testing

@testable import QRText

/// Pieces joined into one glyph before lines are chained (`TextRegionFinder.stacked`).
@Suite("stacking pieces into glyphs")
struct StackingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let upper: RecognizedWord.Box
        let lower: RecognizedWord.Box
        let joined: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "a dark page's strip between two light chips takes no digit under it (fourth draw, seed 2828, 594)",
            upper: .init(left: 35, top: 1073, right: 175, bottom: 1139),
            lower: .init(left: 57, top: 1145, right: 71, bottom: 1169), joined: false),
        Case(
            name: "an accent over its letter is one glyph",
            upper: .init(left: 60, top: 1130, right: 68, bottom: 1136),
            lower: .init(left: 57, top: 1140, right: 71, bottom: 1164), joined: true),
        Case(
            name: "a dot under a wide capital is one glyph",
            upper: .init(left: 57, top: 1140, right: 77, bottom: 1164),
            lower: .init(left: 65, top: 1168, right: 69, bottom: 1172), joined: true),
        Case(
            name: "a band touching a glyph still joins it (a page's stripes show as shapes taller than glyphs)",
            upper: .init(left: 35, top: 1073, right: 175, bottom: 1143),
            lower: .init(left: 57, top: 1145, right: 71, bottom: 1169), joined: true),
    ]

    @Test("pieces one above the other join unless one is a band apart from the other", arguments: cases)
    func stacking(_ test: Case) {
        let blobs = [test.upper, test.lower].map { Blob(box: $0, pixels: $0.width * $0.height / 2) }
        #expect((TextRegionFinder.stacked(blobs).count == 1) == test.joined)
    }
}

/// A slash broken in the middle, its halves side by side, is one glyph column of its line (`TextRegionFinder.chain`).
@Suite("a slash in two halves")
struct BrokenSlashTests {
    /// A line of digits 18 px high at y 1551–1569 with two pieces between them, as the ink map gives them.
    static func columns(lower: RecognizedWord.Box, upper: RecognizedWord.Box) -> Int {
        let digits = [148, 160, 188, 201].map { RecognizedWord.Box(left: $0, top: 1551, right: $0 + 10, bottom: 1569) }
        let boxes = (digits.prefix(2) + [lower, upper] + digits.suffix(2)).sorted { $0.left < $1.left }
        let blobs = boxes.map { Blob(box: $0, pixels: $0.width * $0.height / 2) }
        let regions = TextRegionFinder.chain(blobs, polarity: .light, settings: TextRegionFinder.Settings()).regions
        return regions.reduce(0) { $0 + $1.glyphs.count }
    }

    @Test(
        "the lower half, then the upper half right after it, thin and spanning the line, are one column; other pairs not",
        arguments: [
            // Noto Serif, grey on a dark card (first draw 334): `01/11/2026`'s slash, its halves a pixel apart.
            (
                RecognizedWord.Box(left: 174, top: 1563, right: 177, bottom: 1572),
                RecognizedWord.Box(
                    left: 178, top: 1550, right: 181, bottom: 1558), 5
            ),
            // Touching (Liberation Serif, fifth draw 318, scaled to this line).
            (
                .init(left: 172, top: 1556, right: 176, bottom: 1569),
                .init(left: 176, top: 1549, right: 178, bottom: 1555), 5
            ),
            // Too far apart: two glyphs.
            (
                .init(left: 172, top: 1563, right: 175, bottom: 1572),
                .init(left: 179, top: 1550, right: 182, bottom: 1558), 6
            ),
            // The upper piece first: no slash leans that way.
            (
                .init(left: 178, top: 1563, right: 181, bottom: 1572),
                .init(left: 174, top: 1550, right: 177, bottom: 1558), 6
            ),
            // A small star (as wide as high) after a low piece: two glyphs.
            (
                .init(left: 172, top: 1563, right: 175, bottom: 1572),
                .init(left: 176, top: 1550, right: 183, bottom: 1557), 6
            ),
        ])
    func brokenSlash(lower: RecognizedWord.Box, upper: RecognizedWord.Box, columns: Int) {
        #expect(Self.columns(lower: lower, upper: upper) == columns)
    }
}
