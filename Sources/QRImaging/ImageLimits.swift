/// Size limits checked before any pixel buffer is allocated, so a hostile header cannot exhaust memory.
public struct ImageLimits: Sendable, Equatable {
    public var maxPixels: Int
    public var maxFileBytes: Int

    /// 40 megapixels and 64 MiB: far above any phone screenshot, far below this machine's memory.
    public static let `default` = ImageLimits(maxPixels: 40_000_000, maxFileBytes: 64 << 20)

    public init(maxPixels: Int, maxFileBytes: Int) {
        self.maxPixels = maxPixels
        self.maxFileBytes = maxFileBytes
    }
}
