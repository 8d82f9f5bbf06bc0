import QRImaging
import QRSymbol
import QRText
import Testing

/// Real tesseract on small committed crops: words, boxes, confidences, blanking, and the typed init error.
@Suite struct TextRecognizerTests {
    @Test(arguments: [
        ("ocr/ocr_masked_light.png", "CCCD: ******029317"),
        ("ocr/ocr_name_dark.png", "Nguyễn Lê Kha Hân"),
    ])
    func readsTheCrop(_ file: String, _ expected: String) throws {
        let image = try ImageFile.load(path: FixtureFiles.path(file)).image
        let words = try TextRecognizer().recognize(image, blanking: [])
        #expect(words.map(\.text).joined(separator: " ") == expected)
        for word in words {
            #expect(word.box.left >= 0 && word.box.right <= image.width && word.box.top >= 0)
            #expect(word.box.bottom <= image.height && word.box.width > 0 && word.box.height > 0)
            #expect(word.confidence > 30 && word.confidence <= 100)
        }
    }

    @Test func blankedAreaIsNotRead() throws {
        let image = try ImageFile.load(path: FixtureFiles.path("ocr/ocr_masked_light.png")).image
        let whole = [Point(x: 0, y: 0), Point(x: 0, y: 70), Point(x: 420, y: 70), Point(x: 420, y: 0)]
        #expect(try TextRecognizer().recognize(image, blanking: [whole]).isEmpty)
    }

    @Test func missingLanguageDataIsATypedError() {
        #expect(
            throws: TextRecognizerError(code: .languageDataMissing, languages: "vie+eng", dataPath: "/nonexistent")
        ) {
            _ = try TextRecognizer(dataPath: "/nonexistent")
        }
    }

    @Test func preparationFillsPolygonsWithTheBackgroundAndInvertsDarkScreens() throws {
        var pixels = [UInt8](repeating: 20, count: 100)
        pixels[55] = 250
        let image = try #require(GrayImage(width: 10, height: 10, pixels: pixels))
        let square = [Point(x: 4, y: 4), Point(x: 4, y: 7), Point(x: 7, y: 7), Point(x: 7, y: 4)]
        let prepared = OCRImagePreparation.prepare(image, blanking: [square])
        #expect(prepared[55] == 235)
        #expect(prepared.allSatisfy { $0 == 235 })
    }
}
