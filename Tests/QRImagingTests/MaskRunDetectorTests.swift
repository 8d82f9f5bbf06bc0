import Foundation
import QRSymbol
import Testing

@testable import QRImaging

/// The pixel-level asterisk counter that backs up tesseract on lines that start with `*`.
@Suite("mask run detector")
struct MaskRunDetectorTests {
    static let display = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("TestVectors/display")

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
        #expect(MaskRunDetector.maskedLines(in: [UInt8](repeating: 0, count: 400 * 300), width: 400, height: 300).isEmpty)
        #expect(MaskRunDetector.maskedLines(in: [UInt8](repeating: 255, count: 400 * 300), width: 400, height: 300).isEmpty)
    }
}
