import QRSymbol
import Testing

@testable import QRText

/// Glyph ink right beside a word that no word covers (`LostGlyphProbe.inkBeside`).
@Suite("a glyph lost beside a word")
struct LostGlyphProbeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// Grey of a 12 × 16 px blob drawn `gap` px left of the word, nil for none.
        let blob: UInt8?
        let gap: Int
        /// Whether another word's box covers the blob.
        let covered: Bool
        let lost: Bool
        /// Whether the blob runs from the top of the image to its bottom, across the word's line.
        var crossing = false
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a light star 3 px before the word is a lost glyph", blob: 150, gap: 3, covered: false, lost: true),
        Case(name: "nothing beside the word", blob: nil, gap: 3, covered: false, lost: false),
        Case(name: "a faint pattern's shape is no glyph", blob: 215, gap: 3, covered: false, lost: false),
        Case(name: "a glyph a word space away belongs to another word", blob: 40, gap: 12, covered: false, lost: false),
        Case(name: "a glyph another word covers is read", blob: 40, gap: 3, covered: true, lost: false),
        Case(
            name: "a stripe crossing the line beside the word is no glyph", blob: 150, gap: 3, covered: false,
            lost: false, crossing: true),
    ]

    /// A white 200 × 60 image with a dark word of ten 12 px digits at x 60–188, y 20–44, and `blob` before it.
    @Test(
        "ink right beside a word and no other word's is a glyph the reading and the line may both have lost",
        arguments: cases)
    func probe(_ test: Case) throws {
        let width = 200
        var pixels = [UInt8](repeating: 255, count: width * 60)
        func fill(_ box: RecognizedWord.Box, _ grey: UInt8) {
            for y in box.top..<box.bottom { for x in box.left..<box.right { pixels[y * width + x] = grey } }
        }
        for digit in 0..<10 { fill(.init(left: 60 + digit * 13, top: 20, right: 70 + digit * 13, bottom: 44), 30) }
        let word = RecognizedWord.Box(left: 60, top: 20, right: 189, bottom: 44)
        let blob = RecognizedWord.Box(
            left: 60 - test.gap - 12, top: test.crossing ? 0 : 22, right: 60 - test.gap, bottom: test.crossing ? 60 : 38
        )
        if let grey = test.blob { fill(blob, grey) }
        let image = try #require(GrayImage(width: width, height: 60, pixels: pixels))
        let others = test.covered ? [RecognizedWord.Box(left: 0, top: 20, right: 57, bottom: 44)] : []
        #expect(LostGlyphProbe.inkBeside(word, polarity: .dark, in: image, others: others) == test.lost)
    }
}
