import Foundation
import QRSymbol
import Testing

/// Runs the pixel measurement on every generated symbol vector with zbar-like corner error and checks it
/// against the generator's ground truth.
@Suite("SymbolMeasurer on generated vectors")
struct SymbolMeasurerVectorTests {
    @Test("manifest loads, is a supported version and has vectors for every group")
    func manifestLoads() throws {
        let manifest = try SymbolVectorManifest.load()
        let groups = Set(manifest.vectors.map(\.group))
        #expect(manifest.vectors.count >= 100)
        #expect(
            groups == [
                "grid", "antialiased", "small-rotation", "light-on-dark", "quiet-zone-cap",
                "damage-format", "damage-version", "canvas",
            ])
    }

    @Test(
        "measures version, format, pitch, quiet zone, rotation and rendering",
        arguments: SymbolVectorManifest.allVectors())
    func measuresVector(_ vector: SymbolVectorManifest.Vector) throws {
        let image = try SymbolVectorManifest.image(vector)
        let corners = SymbolVectorManifest.perturbedCorners(vector)
        let measured = try SymbolMeasurer.measure(image: image, corners: corners, polarity: vector.polarity).get()
        #expect(measured.version == vector.version)
        #expect(measured.polarity == vector.polarity)
        let truePitch = vector.modulePx
        #expect(abs(measured.modulePx.x - truePitch) / truePitch <= 0.03, "module px x \(measured.modulePx)")
        #expect(abs(measured.modulePx.y - truePitch) / truePitch <= 0.03, "module px y \(measured.modulePx)")
        let trueSide = Double(17 + 4 * vector.version) * truePitch
        #expect(abs(measured.sizePx - trueSide) <= max(1.5, 0.01 * trueSide))
        let q = measured.quietZoneModules
        let got = [q.top, q.right, q.bottom, q.left]
        let want = [vector.quietZone.top, vector.quietZone.right, vector.quietZone.bottom, vector.quietZone.left]
        let tolerance = vector.rendering == "integer-hard-edges" ? 0 : 1
        #expect(zip(got, want).allSatisfy { abs($0 - $1) <= tolerance }, "quiet zone \(got) want \(want)")
        #expect(measured.rendering.rawValue == vector.rendering)
        let angleError = abs(
            (measured.rotationDegrees - vector.rotationDegrees + 540)
                .truncatingRemainder(dividingBy: 360) - 180)
        #expect(angleError <= 1, "rotation \(measured.rotationDegrees)")
        #expect(measured.contrast.symbolContrast > 0.5)
        #expect(measured.modules.size == 17 + 4 * vector.version)

        let expected = vector.expected
        #expect(measured.formatCopiesAgree.rawValue == expected.formatCopiesAgree)
        let copies = measured.formatCopies.map { copy in
            copy.map { SymbolVectorManifest.Copy(ecLevel: $0.ecLevel, mask: $0.mask, bitErrors: $0.bitErrors) }
        }
        #expect(copies == expected.formatCopies)
        if expected.formatCopiesAgree == "unreadable" {
            #expect(measured.ecLevel == nil && measured.mask == nil)
        } else {
            #expect(measured.ecLevel == vector.ecLevel)
            #expect(measured.mask == vector.mask)
        }
        #expect(measured.versionSources.geometry == vector.version)
        #expect(measured.versionSources.infoBlocks == expected.versionInfoBlocks)
        let readable = expected.versionInfoBlocks.compactMap { $0 }
        #expect(measured.versionSources.agree == (vector.version < 7 || !readable.isEmpty))
    }

    @Test(
        "the wrong polarity is not measured as a symbol",
        arguments: SymbolVectorManifest.allVectors()
            .filter { $0.group == "light-on-dark" || $0.id.hasPrefix("00") })
    func wrongPolarityFails(_ vector: SymbolVectorManifest.Vector) throws {
        let image = try SymbolVectorManifest.image(vector)
        let wrong: Polarity = vector.polarity == .darkOnLight ? .lightOnDark : .darkOnLight
        let result = SymbolMeasurer.measure(image: image, corners: vector.corners, polarity: wrong)
        #expect(throws: MeasurementFailure.self) { try result.get() }
    }
}
