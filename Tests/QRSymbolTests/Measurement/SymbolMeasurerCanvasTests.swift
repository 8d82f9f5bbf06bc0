import QRSymbol
import Testing

/// A symbol pasted into a 1080×2340 screenshot-like canvas measures the same as on its own crop.
@Suite("SymbolMeasurer on a full-screen canvas")
struct SymbolMeasurerCanvasTests {
    @Test(
        "version, format and pitch survive placement in a 1080×2340 canvas with UI bars",
        arguments: SymbolVectorManifest.allVectors().filter { ["grid", "small-rotation"].contains($0.group) }
            .filter { $0.version >= 10 }.prefix(6).map { $0 })
    func canvas(_ vector: SymbolVectorManifest.Vector) throws {
        let symbol = try SymbolVectorManifest.image(vector)
        let width = 1080
        let height = 2340
        let x0 = 140
        let y0 = 900
        var pixels = [UInt8](repeating: 250, count: width * height)
        for y in 0..<height where y < 90 || (y >= 90 && y < 240) || y >= 2200 {
            let value: UInt8 = y < 90 ? 20 : (y < 240 ? 180 : 230)
            for x in 0..<width { pixels[y * width + x] = value }
        }
        for y in 0..<symbol.height where y0 + y < height {
            for x in 0..<symbol.width where x0 + x < width {
                pixels[(y0 + y) * width + x0 + x] = symbol.pixels[y * symbol.width + x]
            }
        }
        let image = try #require(GrayImage(width: width, height: height, pixels: pixels))
        let corners = SymbolVectorManifest.perturbedCorners(vector).map {
            Point(x: $0.x + Double(x0), y: $0.y + Double(y0))
        }
        let m = try SymbolMeasurer.measure(image: image, corners: corners, polarity: vector.polarity).get()
        #expect(m.version == vector.version && m.ecLevel == vector.ecLevel && m.mask == vector.mask)
        #expect(abs(m.modulePx.x - vector.modulePx) / vector.modulePx <= 0.03)
    }
}
