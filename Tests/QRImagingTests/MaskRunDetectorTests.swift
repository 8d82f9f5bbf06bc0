@testable import QRText
import Foundation
import QRImaging
import QRTestSupport
import Testing

@testable import QRSymbol

/// The pixel-level asterisk counter that backs up tesseract on lines that start with `*`.
@Suite("mask run detector")
struct MaskRunDetectorTests {
    static let display = Repository.root.appendingPathComponent("TestVectors/display")

    struct Case: CustomTestStringConvertible, Sendable {
        let vector: String
        let masks: [Int]
        var testDescription: String { "\(vector) → \(masks)" }
    }

    static let cases = [
        Case(vector: "value-own-line-light.png", masks: [6]),
        Case(vector: "value-own-line-dark.png", masks: [6]),
        Case(vector: "seven-asterisks-own-line-light.png", masks: [7]),
        Case(vector: "bullet-mask-light.png", masks: []),
        Case(vector: "default-light-dejavusans-28.png", masks: []),
        Case(vector: "full-light-dejavusans-28.png", masks: []),
    ]

    @Test("counts the asterisks that begin a line, and nothing else (bullets, labels, digits)", arguments: cases)
    func countsLeadingAsterisks(c: Case) throws {
        let (_, image) = try ImageFile.load(path: Self.display.appendingPathComponent(c.vector).path)
        let blanking = try #require(QRScanner()).scan(image).map(\.corners)
        let pixels = OCRImagePreparation.prepare(image, blanking: blanking)
        let lines = MaskRunDetector.maskedLines(in: pixels, width: image.width, height: image.height)
        #expect(lines.map(\.count) == c.masks)
    }

    @Test("blank, tiny and mismatched inputs give nothing and never trap")
    func degenerateInputs() {
        #expect(MaskRunDetector.maskedLines(in: [], width: 0, height: 0).isEmpty)
        #expect(MaskRunDetector.maskedLines(in: [0, 0, 0], width: 2, height: 2).isEmpty)
        #expect(
            MaskRunDetector.maskedLines(in: [UInt8](repeating: 0, count: 400 * 300), width: 400, height: 300).isEmpty)
        #expect(
            MaskRunDetector.maskedLines(in: [UInt8](repeating: 255, count: 400 * 300), width: 400, height: 300).isEmpty)
    }

    @Test(
        "an ink run taller than any text line is cleared from its column, a line-high one kept, at the edges too",
        arguments: [(0, 161, true), (0, 160, false), (39, 200, true), (40, 200, false), (20, 180, true)])
    func tallStrokesAreCleared(top: Int, length: Int, cleared: Bool) {
        // A 3-column image 200 rows high: column 1 inked from `top` for `length` rows (to the bottom edge at most),
        // columns 0 and 2 a 10-row glyph each (the maximum line height is 160 rows).
        let width = 3
        let height = 200
        var pixels = [UInt8](repeating: 255, count: width * height)
        for y in top..<min(height, top + length) { pixels[y * width + 1] = 0 }
        for y in 50..<60 { pixels[y * width] = 0; pixels[y * width + 2] = 40 }
        let output = MaskRunDetector.withoutTallStrokes(pixels, width: width, height: height)
        var expected = pixels
        if cleared { for y in 0..<height { expected[y * width + 1] = 255 } }
        #expect(output == expected)
    }
}

/// Star tokens on browser-rendered app screens (TestVectors/screens), where the fonts put the pitfalls.
@Suite("star tokens on browser screens")
struct StarTokenScreenTests {
    static let screens = Repository.root.appendingPathComponent("TestVectors/screens/png")

    struct Case: CustomTestStringConvertible, Sendable {
        let screen: String
        let why: String
        /// The tokens' pieces: `*` per asterisk, `-` and `/` for signs, `#` per glyph left to tesseract.
        let tokens: [String]
        var testDescription: String { "\(screen): \(why)" }
    }

    static let cases = [
        Case(
            screen: "059-under-code-default-conformant.png",
            why: "accents above the label's capitals rise over the asterisks",
            tokens: ["******###", "####-**-**"]),
        Case(
            screen: "074-label-spread-default-conformant.png", why: "the value is set larger than its label",
            tokens: ["******###", "**/**/####"]),
        Case(
            screen: "237-under-code-default-conformant.png", why: "DejaVu Sans asterisks nearly touch",
            tokens: ["******######", "**/**/####"]),
        Case(screen: "010-table-default-x-mask-id.png", why: "an x mask is not asterisks", tokens: ["**/**/####"]),
    ]

    static func pattern(_ token: MaskRunDetector.StarToken) -> String {
        token.pieces.map { piece in
            switch piece {
            case .stars(let count): String(repeating: "*", count: count)
            case .bullets(let count): String(repeating: "•", count: count)
            case .hyphen: "-"
            case .slash: "/"
            case .glyphs(_, let count): String(repeating: "#", count: count)
            }
        }.joined()
    }

    @Test("asterisks are counted from the pixels whatever the font does around them", arguments: cases)
    func countsAsterisks(c: Case) throws {
        let (_, image) = try ImageFile.load(path: Self.screens.appendingPathComponent(c.screen).path)
        let blanking = try #require(QRScanner()).scan(image).map(\.corners)
        let pixels = OCRImagePreparation.prepare(image, blanking: blanking)
        let tokens = MaskRunDetector.starTokens(in: pixels, width: image.width, height: image.height)
        #expect(tokens.map(Self.pattern) == c.tokens)
    }

    @Test(
        "the line height is the tallest height two blobs share, so one merged letter does not set it",
        arguments: [
            ([33, 37, 33, 32, 46, 18, 18], 33), ([20, 20, 12, 12, 17, 17], 20), ([20, 12, 17, 17], 17), ([40], 40),
            ([], 0), ([9, 30], 30),
        ])
    func lineHeight(heights: [Int], expected: Int) {
        #expect(MaskRunDetector.lineHeight(heights) == expected)
    }
}

/// Resampling a region for tesseract.
@Suite("OCR resampling")
struct OCRResamplingTests {
    @Test("doubling repeats each pixel's value in its 2×2 block at the centre, halving averages; bad regions are empty")
    func resamples() {
        let pixels: [UInt8] = [0, 255, 255, 0]
        let doubled = OCRImagePreparation.resampled(
            pixels, width: 2, region: .init(left: 0, top: 0, right: 2, bottom: 2), scale: 2)
        #expect(doubled.width == 4 && doubled.height == 4)
        #expect(doubled.pixels[0] == 0 && doubled.pixels[3] == 255 && doubled.pixels[15] == 0)
        let one = OCRImagePreparation.resampled(
            pixels, width: 2, region: .init(left: 1, top: 0, right: 2, bottom: 1), scale: 1)
        #expect(one.pixels == [255])
        #expect(
            OCRImagePreparation.resampled(
                pixels, width: 2, region: .init(left: 3, top: 0, right: 5, bottom: 1), scale: 1
            ).width == 0)
        #expect(
            OCRImagePreparation.resampled(
                pixels, width: 2, region: .init(left: 0, top: 0, right: 2, bottom: 2), scale: .nan
            ).width == 0)
        #expect(
            OCRImagePreparation.resampled([], width: 0, region: .init(left: 0, top: 0, right: 2, bottom: 2), scale: 1)
                .width == 0)
    }
}
