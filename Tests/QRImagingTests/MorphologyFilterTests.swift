import Testing

@testable import QRText

@Suite struct MorphologyFilterTests {
    /// The maximum or minimum over the `size`×`size` square centred on each pixel, edge repeated, one pixel at a time.
    static func bruteForce(_ pixels: [UInt8], width: Int, height: Int, size: Int, takeMax: Bool) -> [UInt8] {
        let radius = size / 2
        var output = pixels
        for y in 0..<height {
            for x in 0..<width {
                var extreme = pixels[y * width + x]
                for dy in -radius..<(size - radius) {
                    for dx in -radius..<(size - radius) {
                        let value = pixels[min(max(y + dy, 0), height - 1) * width + min(max(x + dx, 0), width - 1)]
                        extreme = takeMax ? max(extreme, value) : min(extreme, value)
                    }
                }
                output[y * width + x] = extreme
            }
        }
        return output
    }

    @Test(
        "the filter is the square's maximum or minimum at every pixel, edges included, whatever the size",
        arguments: [(17, 11, 1), (17, 11, 3), (17, 11, 4), (9, 23, 9), (5, 6, 13), (31, 2, 7)])
    func filterMatchesTheSquareAtEveryPixel(width: Int, height: Int, size: Int) {
        // A fixed pseudo-random image: every pixel differs from its neighbours.
        var state: UInt32 = 2_463_534_242
        let pixels = (0..<width * height).map { _ -> UInt8 in
            state ^= state << 13
            state ^= state >> 17
            state ^= state << 5
            return UInt8(truncatingIfNeeded: state)
        }
        for takeMax in [true, false] {
            #expect(
                MorphologyFilter.filter(pixels, width: width, height: height, size: size, takeMax: takeMax)
                    == Self.bruteForce(pixels, width: width, height: height, size: size, takeMax: takeMax))
        }
    }
}
