import QRSymbol
import Testing

@testable import QRImaging

/// The locate-then-read strategy with zbar replaced by a scripted pass: when it reads crops, when it falls back to
/// the full-resolution passes, and where the crops go.
@Suite("Two-stage scan strategy")
struct TwoStageScanTests {
    /// A pass that answers from a script keyed by the scanned image's size and polarity, and logs each call.
    final class ScriptedPass {
        var answers: [String: [ScannedSymbol]] = [:]
        var calls: [String] = []

        static func key(_ width: Int, _ height: Int, _ polarity: Polarity, _ density: Int) -> String {
            "\(width)x\(height) \(polarity.rawValue) d\(density)"
        }

        func pass(_ image: GrayImage, _ polarity: Polarity, _ density: Int) -> [ScannedSymbol] {
            let key = Self.key(image.width, image.height, polarity, density)
            calls.append(key)
            return answers[key] ?? []
        }
    }

    static func symbol(_ data: String, _ polarity: Polarity = .darkOnLight, at x: Double, _ y: Double, side: Double)
        -> ScannedSymbol
    {
        ScannedSymbol(
            symbology: "QR-Code", data: Array(data.utf8),
            corners: [
                Point(x: x, y: y), Point(x: x, y: y + side), Point(x: x + side, y: y + side),
                Point(x: x + side, y: y),
            ],
            polarity: polarity)
    }

    /// A page busy everywhere, so the locating passes scan all of it.
    static let page = GrayImage(
        width: 400, height: 600,
        pixels: (0..<(400 * 600)).map { UInt8(truncatingIfNeeded: ($0 % 400) * 7 + ($0 / 400) * 13) })!
    static let flatPage = GrayImage(width: 400, height: 600, pixels: [UInt8](repeating: 255, count: 400 * 600))!

    func scan(_ script: ScriptedPass, minimumPixels: Int = 0) -> TwoStageScan {
        var scan = TwoStageScan(pass: script.pass)
        scan.minimumPixels = minimumPixels
        return scan
    }

    @Test("a located code is read in a full-resolution crop and reported in full-image coordinates")
    func readsLocatedCodeInCrop() throws {
        let script = ScriptedPass()
        // Found at half resolution at (50, 60), 40 px wide: (100, 120), 80 px wide at full resolution.
        script.answers[ScriptedPass.key(200, 300, .darkOnLight, 1)] = [Self.symbol("A", at: 50, 60, side: 40)]
        let rect = try #require(
            TwoStageScan.cropRect(
                around: Self.symbol("A", at: 100, 120, side: 80).corners, density: 1, imageWidth: 400, imageHeight: 600)
        )
        script.answers[ScriptedPass.key(rect.width, rect.height, .darkOnLight, 1)] = [
            Self.symbol("A", at: 100.0 - Double(rect.x) + 1, 120.0 - Double(rect.y), side: 79)
        ]
        let found = scan(script).scan(Self.page)
        #expect(found == [Self.symbol("A", at: 101, 120, side: 79)])
        #expect(
            script.calls == [
                "200x300 dark-on-light d1", "200x300 light-on-dark d1", "\(rect.width)x\(rect.height) dark-on-light d1",
            ])
    }

    @Test("nothing found at half resolution: the whole image is scanned at full resolution, both polarities")
    func fallsBackWhenNothingLocated() {
        let script = ScriptedPass()
        script.answers[ScriptedPass.key(400, 600, .lightOnDark, 2)] = [
            Self.symbol("tiny", .lightOnDark, at: 5, 5, side: 30)
        ]
        #expect(scan(script).scan(Self.page) == [Self.symbol("tiny", .lightOnDark, at: 5, 5, side: 30)])
        #expect(
            script.calls == [
                "200x300 dark-on-light d1", "200x300 light-on-dark d1", "400x600 dark-on-light d1",
                "400x600 light-on-dark d2",
            ])
    }

    @Test(
        "a crop that does not read back the located bytes and polarity sends the whole image to full resolution",
        arguments: [("B", Polarity.darkOnLight), ("A", Polarity.lightOnDark), ("", Polarity.darkOnLight)])
    func fallsBackWhenCropDisagrees(data: String, polarity: Polarity) throws {
        let script = ScriptedPass()
        script.answers[ScriptedPass.key(200, 300, .darkOnLight, 1)] = [Self.symbol("A", at: 50, 60, side: 40)]
        let rect = try #require(
            TwoStageScan.cropRect(
                around: Self.symbol("A", at: 100, 120, side: 80).corners, density: 1, imageWidth: 400, imageHeight: 600)
        )
        if !data.isEmpty {
            script.answers[ScriptedPass.key(rect.width, rect.height, polarity, 1)] = [
                Self.symbol(data, polarity, at: 10, 10, side: 80)
            ]
        }
        script.answers[ScriptedPass.key(400, 600, .darkOnLight, 1)] = [Self.symbol("A", at: 100, 120, side: 80)]
        #expect(scan(script).scan(Self.page) == [Self.symbol("A", at: 100, 120, side: 80)])
        #expect(script.calls.suffix(2) == ["400x600 dark-on-light d1", "400x600 light-on-dark d2"])
    }

    @Test("a flat image has nowhere to hold a code: no locating pass, the full-resolution passes decide")
    func flatImageSkipsLocatingPasses() {
        let script = ScriptedPass()
        _ = scan(script).scan(Self.flatPage)
        #expect(script.calls == ["400x600 dark-on-light d1", "400x600 light-on-dark d2"])
    }

    @Test("an image under the size threshold goes straight to the full-resolution passes")
    func smallImageSkipsLocating() {
        let script = ScriptedPass()
        _ = scan(script, minimumPixels: 400 * 600 + 1).scan(Self.page)
        #expect(script.calls == ["400x600 dark-on-light d1", "400x600 light-on-dark d2"])
    }

    struct CropCase: Sendable, CustomTestStringConvertible {
        let name: String
        let corners: [Point]
        let density: Int
        let imageWidth: Int, imageHeight: Int
        var testDescription: String { name }
    }

    static func square(_ x: Double, _ y: Double, _ side: Double) -> [Point] {
        [Point(x: x, y: y), Point(x: x, y: y + side), Point(x: x + side, y: y + side), Point(x: x + side, y: y)]
    }
    static let cropCases: [CropCase] = [
        .init(
            name: "inside, every line", corners: square(301, 517, 200), density: 1, imageWidth: 1080, imageHeight: 2340),
        .init(
            name: "inside, every 2nd line", corners: square(301, 517, 200), density: 2, imageWidth: 1080,
            imageHeight: 2340),
        .init(
            name: "odd image size, every 2nd line", corners: square(303, 519, 203), density: 2, imageWidth: 1081,
            imageHeight: 2339),
        .init(
            name: "at the right and bottom edges", corners: square(880, 2150, 179), density: 2, imageWidth: 1081,
            imageHeight: 2339),
        .init(
            name: "at the top-left corner", corners: square(1, 1, 100), density: 1, imageWidth: 1080, imageHeight: 2340),
        .init(
            name: "rotated corners",
            corners: [Point(x: 500, y: 400), Point(x: 400, y: 600), Point(x: 600, y: 700), Point(x: 700, y: 500)],
            density: 2, imageWidth: 1170, imageHeight: 2532),
    ]

    /// zbar reads the same lines, in the same directions, in the crop as in the whole image.
    @Test(
        "a crop starts at a multiple of twice the density, matches the image's size modulo the density and holds the code",
        arguments: cropCases)
    func cropAlignsWithZbarLines(_ c: CropCase) throws {
        let rect = try #require(
            TwoStageScan.cropRect(
                around: c.corners, density: c.density, imageWidth: c.imageWidth, imageHeight: c.imageHeight))
        #expect(rect.x % (2 * c.density) == 0 && rect.y % (2 * c.density) == 0)
        #expect(rect.width % c.density == c.imageWidth % c.density)
        #expect(rect.height % c.density == c.imageHeight % c.density)
        #expect(rect.x + rect.width <= c.imageWidth && rect.y + rect.height <= c.imageHeight)
        for corner in c.corners {
            #expect(Double(rect.x) < corner.x && corner.x < Double(rect.x + rect.width))
            #expect(Double(rect.y) < corner.y && corner.y < Double(rect.y + rect.height))
        }
    }

    @Test("corners that are not finite give no crop, so the caller falls back")
    func nonFiniteCornersGiveNoCrop() {
        let corners = [Point(x: .nan, y: 0), Point(x: 10, y: 10)]
        #expect(TwoStageScan.cropRect(around: corners, density: 1, imageWidth: 100, imageHeight: 100) == nil)
        #expect(TwoStageScan.cropRect(around: [], density: 1, imageWidth: 100, imageHeight: 100) == nil)
    }
}
