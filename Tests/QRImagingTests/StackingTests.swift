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
