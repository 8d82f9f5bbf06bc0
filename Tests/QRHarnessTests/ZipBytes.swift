import QRImaging

/// Zip archives assembled byte by byte, so tests can craft the hostile structures no zip tool writes.
enum ZipBytes {
    /// One file: its name, its stored (or raw deflate) bytes and the header values, overridable for crafting.
    struct File {
        var name: String
        var data: [UInt8]
        var method: UInt16 = 0
        var flags: UInt16 = 0
        var crc32: UInt32?
        var uncompressedSize: UInt64?
        /// Written into the central directory instead of the real local header offset.
        var offsetOverride: UInt32?
        /// The name's bytes when they are not `name` in UTF-8 (code page 437 names).
        var nameBytes: [UInt8]?
        /// "Version made by": the high byte is the system (3 Unix, 0 MS-DOS).
        var madeBy: UInt16 = 0x031E
        /// External attributes: a Unix mode in the high half, or MS-DOS attribute bits.
        var attributes: UInt32 = 0o100644 << 16

        var rawName: [UInt8] { nameBytes ?? Array(name.utf8) }

        var size32: UInt32 {
            uncompressedSize.map { $0 > 0xFFFF_FFFE ? 0xFFFF_FFFF : UInt32($0) } ?? UInt32(data.count)
        }
        var zip64Extra: [UInt8] {
            guard let size = uncompressedSize, size > 0xFFFF_FFFE else { return [] }
            return le(1, 2) + le(8, 2) + le(size, 8)
        }
    }

    /// The end records; the zip64 ones are written when `zip64` is set.
    struct End {
        var zip64 = false
        var directoryOffsetOverride: UInt64?
        var zip64RecordOffsetOverride: UInt64?
    }

    static func le(_ value: UInt64, _ width: Int) -> [UInt8] {
        (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 { CRC32.checksum(bytes[...]) }

    static func localHeader(_ file: File) -> [UInt8] {
        let name = file.rawName
        return le(0x0403_4B50, 4) + le(20, 2) + le(UInt64(file.flags), 2) + le(UInt64(file.method), 2) + le(0, 4)
            + le(UInt64(file.crc32 ?? crc32(file.data)), 4) + le(UInt64(file.data.count), 4)
            + le(UInt64(file.size32), 4) + le(UInt64(name.count), 2) + le(0, 2) + name
    }

    static func directoryEntry(_ file: File, offset: Int) -> [UInt8] {
        let name = file.rawName
        let extra = file.zip64Extra
        return le(0x0201_4B50, 4) + le(UInt64(file.madeBy), 2) + le(extra.isEmpty ? 20 : 45, 2)
            + le(UInt64(file.flags), 2)
            + le(UInt64(file.method), 2) + le(0, 4) + le(UInt64(file.crc32 ?? crc32(file.data)), 4)
            + le(UInt64(file.data.count), 4) + le(UInt64(file.size32), 4) + le(UInt64(name.count), 2)
            + le(UInt64(extra.count), 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(UInt64(file.attributes), 4)
            + le(UInt64(file.offsetOverride ?? UInt32(offset)), 4) + name + extra
    }

    /// A whole archive: local headers and data, then the central directory and the end records.
    static func archive(_ files: [File], end: End = End(), prefix: [UInt8] = []) -> [UInt8] {
        var body: [UInt8] = []
        var directory: [UInt8] = []
        for file in files {
            directory += directoryEntry(file, offset: body.count)
            body += localHeader(file) + file.data
        }
        let directoryOffset = UInt64(body.count)
        var bytes = body + directory
        let count = UInt64(files.count)
        let offset = end.directoryOffsetOverride ?? directoryOffset
        if end.zip64 {
            let record = UInt64(bytes.count)
            bytes +=
                le(0x0606_4B50, 4) + le(44, 8) + le(45, 2) + le(45, 2) + le(0, 4) + le(0, 4) + le(count, 8)
                + le(count, 8) + le(UInt64(directory.count), 8) + le(offset, 8)
            bytes += le(0x0706_4B50, 4) + le(0, 4) + le(end.zip64RecordOffsetOverride ?? record, 8) + le(1, 4)
            bytes +=
                le(0x0605_4B50, 4) + le(0, 2) + le(0, 2) + le(0xFFFF, 2) + le(0xFFFF, 2)
                + le(0xFFFF_FFFF, 4) + le(0xFFFF_FFFF, 4) + le(0, 2)
        } else {
            bytes +=
                le(0x0605_4B50, 4) + le(0, 2) + le(0, 2) + le(count, 2) + le(count, 2)
                + le(UInt64(directory.count), 4) + le(min(offset, 0xFFFF_FFFF), 4) + le(0, 2)
        }
        return prefix + bytes
    }
}
