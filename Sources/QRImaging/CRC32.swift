internal import CInflate

/// The CRC-32 of ISO 3309, computed by zlib's `crc32`: the checksum PNG chunks and zip entries carry, in one place.
///
/// Every chunk of every image is checked, IDAT included, and every unpacked zip entry, so this runs over whole files;
/// zlib's braided CRC is several times faster than a byte-at-a-time table in Swift, and libpng links zlib already.
public enum CRC32 {
    public static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt = 0
        bytes.withUnsafeBufferPointer { buffer in
            guard var next = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                let count = min(remaining, Int(UInt32.max))
                crc = crc32(crc, next, UInt32(count))
                next += count
                remaining -= count
            }
        }
        return UInt32(truncatingIfNeeded: crc)
    }
}
