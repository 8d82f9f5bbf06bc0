import QRSymbol
import QRTestSupport
import Testing
import Foundation

@testable import QRImaging
@testable import QRText

@Suite struct ScratchTests {
    @Test func dump() throws {
        let path = ProcessInfo.processInfo.environment["SCRATCH_PNG"] ?? ""
        let y = Int(ProcessInfo.processInfo.environment["SCRATCH_Y"] ?? "0") ?? 0
        let (_, image) = try ImageFile.load(path: path)
        for region in TextRegionFinder.regions(in: image, excluding: []) where region.box.top <= y && region.box.bottom >= y {
            print("region", region.box, region.glyphs.count, region.glyphs.map { "\($0.left)+\($0.width)x\($0.height)" })
        }
    }
}
