import Foundation
import QRSymbol
import QRTestSupport
import Testing

@testable import QRImaging

/// On every committed image, locating at half resolution and reading in crops finds exactly what zbar's two
/// full-resolution passes find: the same codes, bytes, polarities and corners, so every measurement is unchanged.
@Suite("Two-stage scan on the committed vectors")
struct TwoStageScanVectorTests {
    static let repository = Repository.root
    static let folders = [
        "TestVectors/symbols", "TestVectors/conformance", "TestVectors/examples", "TestVectors/display",
        "TestVectors/screens", "Tests/QRImagingTests/Fixtures",
    ]

    /// Every committed PNG that decodes, by path relative to the repository.
    static let images: [String] = folders.flatMap { folder -> [String] in
        let base = repository.appendingPathComponent(folder)
        let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
        return (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "png" }
            .map { String($0.path.dropFirst(repository.path.count + 1)) }
    }.sorted()

    static func load(_ path: String) -> GrayImage? {
        try? ImageFile.load(path: repository.appendingPathComponent(path).path).1
    }

    @Test("the corpus is there: symbol, conformance, example, display, screen and fixture images")
    func corpusIsFound() {
        #expect(Self.images.count > 500)
        for folder in Self.folders { #expect(Self.images.contains { $0.hasPrefix(folder) }, "\(folder)") }
    }

    @Test("locating (also on small images) and reading finds what the full-resolution scan finds", arguments: images)
    func sameAsFullResolution(path: String) throws {
        guard let image = Self.load(path) else { return }  // the fixtures of broken PNGs
        let scanner = try #require(QRScanner())
        let full = scanner.scanFullResolution(image)
        let forced = QRScanner.sorted(scanner.twoStage(minimumPixels: 0).scan(image))
        #expect(forced == full)
        #expect(scanner.scan(image) == full)
        #expect(scanner.scanConcurrently(image) == full)
    }

    /// The strategy is not vacuous: on phone screenshots with codes the crops are what is read.
    @Test(
        "on phone screenshots with a code the located crops are read, with no full-resolution pass",
        arguments: [
            "TestVectors/examples/conformant-screenshot.png", "TestVectors/examples/inverted.png",
            "TestVectors/conformance/symbol/two-codes.png", "Tests/QRImagingTests/Fixtures/screenshot_1080x2340.png",
        ])
    func phoneScreenshotsAreReadFromCrops(path: String) throws {
        let image = try #require(Self.load(path))
        let scanner = try #require(QRScanner())
        #expect(scanner.locates(image))
        let located = try #require(scanner.twoStage.locatedScan(image))
        #expect(!located.isEmpty)
    }
}
