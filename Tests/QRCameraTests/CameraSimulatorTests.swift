import QRSymbol
import Testing

@testable import QRCamera

/// The camera rungs' operations: exact on simple inputs, and deterministic.
@Suite struct CameraSimulatorTests {
    /// A 40×40 checkerboard of 5-pixel squares, as a stand-in for a crisp code.
    static let board: GrayImage = {
        let pixels = (0..<1600).map { i in ((i % 40) / 5 + (i / 40) / 5) % 2 == 0 ? UInt8(0) : 255 }
        return GrayImage(width: 40, height: 40, pixels: pixels)!
    }()

    static let crop = SymbolCrop(
        cutting: board, corners: [.init(x: 5, y: 5), .init(x: 5, y: 35), .init(x: 35, y: 35), .init(x: 35, y: 5)],
        modulePixels: 5, invert: false, marginModules: 1, screenPixelsPerMillimetre: 10)!

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let rung: CameraRung
        var testDescription: String { name }
    }

    static let rungs: [Case] = [
        Case(name: "area", rung: CameraRung(family: "resolution", label: "r", resolution: 7, index: 1)),
        Case(
            name: "bilinear", rung: CameraRung(family: "moire", label: "m", resolution: 7, filter: .bilinear, index: 2)),
        Case(name: "blur", rung: CameraRung(family: "blur", label: "b", resolution: 8, index: 3, blurSigma: 1)),
        Case(name: "noise", rung: CameraRung(family: "noise", label: "n", resolution: 8, index: 4, noiseSigma: 16)),
        Case(name: "jpeg", rung: CameraRung(family: "jpeg", label: "j", resolution: 8, index: 5, jpegQuality: 30)),
        Case(name: "tilt", rung: CameraRung(family: "tilt", label: "t", resolution: 8, index: 6, tiltDegrees: 45)),
        Case(name: "glare", rung: CameraRung(family: "glare", label: "g", resolution: 8, index: 7, glareFraction: 0.2)),
    ]

    @Test("every rung gives the same pixels on every run", arguments: rungs)
    func deterministic(_ c: Case) throws {
        let first = try #require(CameraSimulator.render(Self.crop, rung: c.rung, unit: .millimetre, seed: 1405))
        let second = try #require(CameraSimulator.render(Self.crop, rung: c.rung, unit: .millimetre, seed: 1405))
        #expect(first == second)
    }

    @Test("the crop's geometry, as the report gives it, cuts the same pixels again")
    func cropGeometryReproducesTheCrop() throws {
        let crop = try #require(
            SymbolCrop(
                cutting: Self.board,
                corners: [.init(x: 7.5, y: 6), .init(x: 7.5, y: 36.2), .init(x: 37, y: 36.2), .init(x: 37, y: 6)],
                modulePixels: 5, invert: true, marginModules: 1, screenPixelsPerMillimetre: nil))
        let g = crop.geometry
        // Bounding box 7.5...37 × 6...36.2 grown by 5 px: left and top down, right and bottom up.
        #expect([g.left, g.top, g.width, g.height] == [2, 1, 40, 41])
        #expect(g.inverted && g.modulePixels == 5 && g.corners == crop.corners)
        for y in 0..<g.height {
            for x in 0..<g.width {
                let screen = Self.board.luma(x: g.left + x, y: g.top + y) ?? 0
                #expect(crop.image.pixels[y * g.width + x] == 255 - screen)
            }
        }
    }

    @Test("the resolution is camera pixels per millimetre of screen, or per module without a density")
    func resolutionUnits() throws {
        let rung = CameraRung(family: "resolution", label: "r", resolution: 5, index: 1)
        // 40 screen px at 10 px/mm = 4 mm → 20 camera px; at 5 px per 5-px module → 40 px.
        #expect(try #require(CameraSimulator.render(Self.crop, rung: rung, unit: .millimetre, seed: 0)).width == 20)
        #expect(try #require(CameraSimulator.render(Self.crop, rung: rung, unit: .module, seed: 0)).width == 40)
    }

    @Test("area resampling averages exactly: a 2:1 reduction of 0/255 columns is 128 (127.5 rounded up)")
    func areaAverages() throws {
        let stripes = try #require(GrayImage(width: 4, height: 1, pixels: [0, 255, 0, 255]))
        let out = try #require(CameraResampler.resample(stripes, width: 2, height: 1, filter: .area))
        #expect(out.pixels == [128, 128])
    }

    @Test("noise differs between seeds and rungs, and a constant image stays constant without it")
    func noiseSeeded() {
        let grey = GrayImage(width: 16, height: 16, pixels: [UInt8](repeating: 128, count: 256))!
        let a = CameraNoise.add(grey, sigma: 8, seed: 1, index: 1)
        #expect(a != CameraNoise.add(grey, sigma: 8, seed: 2, index: 1))
        #expect(a != CameraNoise.add(grey, sigma: 8, seed: 1, index: 2))
        #expect(CameraFilters.blur(grey, sigma: 1.5) == grey)
        #expect(CameraJPEG.compress(grey, quality: 30) == grey)
    }

    @Test("SplitMix64 gives the published first outputs for seed 0")
    func splitMix() {
        var generator = SplitMix64(state: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}
