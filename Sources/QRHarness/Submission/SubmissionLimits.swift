/// Limits on a submission read from a folder or zip, so a hostile container cannot exhaust memory or time.
public struct SubmissionLimits: Sendable, Equatable {
    /// Most entries (files and folders) a submission may hold.
    public var maxEntries: Int
    /// Most bytes all files may unpack to together, checked from declared sizes and again while unpacking.
    public var maxTotalBytes: Int
    /// Largest zip file read at all.
    public var maxArchiveBytes: Int

    public init(maxEntries: Int, maxTotalBytes: Int, maxArchiveBytes: Int) {
        self.maxEntries = maxEntries
        self.maxTotalBytes = maxTotalBytes
        self.maxArchiveBytes = maxArchiveBytes
    }

    /// 1 000 entries, 128 MiB unpacked, 128 MiB of zip: dozens of phone screenshots fit with room to spare.
    public static let `default` = SubmissionLimits(
        maxEntries: 1_000, maxTotalBytes: 128 << 20, maxArchiveBytes: 128 << 20)
}
