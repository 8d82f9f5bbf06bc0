import Foundation
import QRSymbol
import Testing

@testable import QRImaging

@Suite("zbar scanning")
struct QRScannerTests {
    static let codeFixtures = [
        "qr_dark_on_light.png", "qr_light_on_dark.png", "qr_normal_and_inverted.png", "qr_two_identical.png",
        "no_qr.png", "qr_vietnamese_utf8.png", "qr_invalid_utf8.png", "screenshot_1080x2340.png",
    ]

    @Test("each fixture yields exactly the encoded payloads and polarities, in reading order", arguments: codeFixtures)
    func scansFixtures(name: String) throws {
        let truth = try #require(try FixtureFiles.truth()[name])
        let (_, image) = try ImageFile.load(path: FixtureFiles.path(name))
        let scanner = try #require(QRScanner())
        let symbols = scanner.scan(image)
        #expect(symbols.map(\.data) == truth.expectedPayloads)
        #expect(symbols.map(\.polarity.rawValue) == truth.polarities)
        #expect(symbols.allSatisfy { $0.corners.count == 4 && $0.symbology == "QR-Code" })
    }

    @Test("a payload that is not UTF-8 keeps its exact bytes and has no text")
    func invalidUTF8HasNoText() throws {
        let (_, image) = try ImageFile.load(path: FixtureFiles.path("qr_invalid_utf8.png"))
        let symbol = try #require(QRScanner()?.scan(image).first)
        #expect(symbol.text == nil)
        #expect(symbol.data == Array("ID|".utf8) + [0xFF, 0xFE, 0x80] + Array(" not utf-8".utf8))
    }

    @Test("a Vietnamese UTF-8 payload comes back byte-exact")
    func vietnameseIsByteExact() throws {
        let (_, image) = try ImageFile.load(path: FixtureFiles.path("qr_vietnamese_utf8.png"))
        let symbol = try #require(QRScanner()?.scan(image).first)
        #expect(symbol.text == "NGUYỄN VĂN AN|Huế")
    }

    /// zbar's own corners are rough (median 1 px, up to about 4 px); `decode` reports the refined ones.
    @Test("on a phone-sized screenshot zbar's corners are within 4 px of the true symbol corners")
    func cornersAreAccurate() throws {
        let truth = try #require(try FixtureFiles.truth()["screenshot_1080x2340.png"])
        let expected = try #require(truth.corners)
        let (_, image) = try ImageFile.load(path: FixtureFiles.path("screenshot_1080x2340.png"))
        let symbol = try #require(QRScanner()?.scan(image).first)
        #expect(symbol.corners.count == 4)
        for (got, want) in zip(symbol.corners, expected) {
            #expect(abs(got.x - want[0]) <= 4 && abs(got.y - want[1]) <= 4, "corner \(got) vs \(want)")
        }
    }
}
