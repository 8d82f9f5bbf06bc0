import QRSymbol
import Testing

/// Inputs that cannot be measured give a typed failure, never a trap.
@Suite("SymbolMeasurer failures")
struct SymbolMeasurerFailureTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let corners: [Point]
        let expected: MeasurementFailure
        var testDescription: String { name }
    }

    static let white: GrayImage? = GrayImage(width: 200, height: 200, pixels: [UInt8](repeating: 255, count: 40_000))

    static func p(_ x: Double, _ y: Double) -> Point { Point(x: x, y: y) }

    static let square = [p(50, 50), p(50, 150), p(150, 150), p(150, 50)]

    static let cases: [Case] = [
        Case(name: "three corners", corners: Array(square.prefix(3)), expected: .wrongCornerCount(3)),
        Case(name: "no corners", corners: [], expected: .wrongCornerCount(0)),
        Case(
            name: "NaN corner", corners: [p(50, 50), p(.nan, 150), p(150, 150), p(150, 50)],
            expected: .nonFiniteCorner(index: 1)),
        Case(
            name: "infinite corner", corners: [p(50, 50), p(50, 150), p(150, 150), p(.infinity, 50)],
            expected: .nonFiniteCorner(index: 3)),
        Case(
            name: "all corners equal", corners: [p(9, 9), p(9, 9), p(9, 9), p(9, 9)],
            expected: .degenerateQuadrilateral),
        Case(
            name: "collinear corners", corners: [p(0, 0), p(50, 50), p(100, 100), p(150, 150)],
            expected: .degenerateQuadrilateral),
        Case(
            name: "self-intersecting order", corners: [p(50, 50), p(150, 150), p(50, 150), p(150, 50)],
            expected: .degenerateQuadrilateral),
        Case(
            name: "sliver", corners: [p(0, 0), p(0, 190), p(12, 195), p(12, 5)],
            expected: .degenerateQuadrilateral),
        Case(
            name: "tiny symbol", corners: [p(50, 50), p(50, 70), p(70, 70), p(70, 50)],
            expected: .symbolTooSmall(sidePx: 20)),
        Case(
            name: "outside the image", corners: square.map { p($0.x + 1000, $0.y) },
            expected: .cornerOutsideImage(index: 0, x: 1050, y: 50)),
        Case(
            name: "astronomically far", corners: square.map { p($0.x * 1e300, $0.y * 1e300) },
            expected: .cornerOutsideImage(index: 0, x: 5e301, y: 5e301)),
        Case(name: "blank white image", corners: square, expected: .lowContrast(dark: 0, light: 0)),
    ]

    @Test("typed failure", arguments: cases)
    func failure(_ c: Case) throws {
        let result = SymbolMeasurer.measure(image: try #require(Self.white), corners: c.corners, polarity: .darkOnLight)
        #expect(throws: c.expected) { try result.get() }
    }

    @Test("noise and random quadrilaterals over a real symbol never trap and never invent a version")
    func randomInputs() throws {
        let p = Self.p
        let vector = try #require(SymbolVectorManifest.allVectors().first { $0.group == "grid" })
        let image = try SymbolVectorManifest.image(vector)
        var state: UInt64 = 1405
        func next(_ range: Double) -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (Double(state >> 11) / Double(1 << 53) * 2 - 1) * range
        }
        var noise = [UInt8](repeating: 0, count: 300 * 300)
        for i in noise.indices { noise[i] = next(1) > 0 ? 255 : 0 }
        let noisy = try #require(GrayImage(width: 300, height: 300, pixels: noise))
        let noiseResult = SymbolMeasurer.measure(
            image: noisy, corners: [p(20, 20), p(20, 280), p(280, 280), p(280, 20)],
            polarity: .darkOnLight)
        #expect(throws: MeasurementFailure.self) { try noiseResult.get() }
        let size = Double(max(image.width, image.height))
        for _ in 0..<300 {
            let corners = (0..<4).map { _ in p(size / 2 + next(size), size / 2 + next(size)) }
            for polarity in Polarity.allCases {
                if case .success(let m) = SymbolMeasurer.measure(image: image, corners: corners, polarity: polarity) {
                    #expect((1...40).contains(m.version) && m.modules.size == 17 + 4 * m.version)
                }
            }
        }
    }
}
