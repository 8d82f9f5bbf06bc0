import QRConformance

/// A zip's end records and central directory, read from the file's bytes with every field checked: the one zip
/// parser of the harness (`ZipSubmissionReader` unpacks what it lists).
///
/// Zip fields are the sender's to choose, so every record must lie inside the file, with checked arithmetic, entries
/// must not overlap, and encryption or other compression methods than stored and deflate are refused. Where a zip
/// says one thing twice (local header and central directory, data descriptors), the two must agree, so that no other
/// zip tool reads different entries from the same file.
struct ZipDirectory {
    let entries: [Entry]

    static func read(_ bytes: [UInt8], source: String, maxEntries: Int) throws(SubmissionError) -> ZipDirectory {
        let reader = Reader(bytes: bytes, source: source)
        let end = try reader.endRecords()
        guard end.entryCount <= UInt64(maxEntries) else {
            throw SubmissionError.submission(
                code: .tooManyEntries, path: source,
                cause: "the zip has more than \(maxEntries) entries; refused before unpacking")
        }
        let entries = try reader.centralDirectory(end)
        return ZipDirectory(entries: entries)
    }

    /// Where the central directory is, from the end-of-central-directory record (and its zip64 twin).
    struct EndRecords {
        let entryCount: UInt64
        let directoryOffset: UInt64
        let directorySize: UInt64
    }

    /// Little-endian reads that fail, never trap, outside the file.
    private struct Reader {
        let bytes: [UInt8]
        let source: String

        var size: UInt64 { UInt64(bytes.count) }

        func corrupt(_ cause: String) -> SubmissionError {
            SubmissionError.submission(code: .corruptZip, path: source, cause: cause)
        }

        func value(at offset: UInt64, width: Int) -> UInt64? {
            guard let start = Int(exactly: offset), start <= bytes.count - width else { return nil }
            var result: UInt64 = 0
            for index in (0..<width).reversed() { result = result << 8 | UInt64(bytes[start + index]) }
            return result
        }

        func u16(_ offset: UInt64) -> UInt64? { value(at: offset, width: 2) }
        func u32(_ offset: UInt64) -> UInt64? { value(at: offset, width: 4) }
        func u64(_ offset: UInt64) -> UInt64? { value(at: offset, width: 8) }

        func slice(_ offset: UInt64, _ count: UInt64) -> [UInt8]? {
            guard let start = Int(exactly: offset), let length = Int(exactly: count), start <= bytes.count,
                length <= bytes.count - start
            else { return nil }
            return Array(bytes[start..<start + length])
        }

        func endRecords() throws(SubmissionError) -> EndRecords {
            guard bytes.count >= 22 else {
                throw corrupt("not a zip archive: too short for an end-of-central-directory record")
            }
            // Take the signature nearest the end, as zip tools do; a comment holds at most 65 535 bytes.
            let lowest = max(0, bytes.count - 22 - 0xFFFF)
            guard
                let found = stride(from: bytes.count - 22, through: lowest, by: -1).first(where: {
                    u32(UInt64($0)) == 0x0605_4B50
                })
            else { throw corrupt("not a zip archive: no end-of-central-directory record") }
            let eocd = UInt64(found)
            guard let disk = u16(eocd + 4), let directoryDisk = u16(eocd + 6), let onDisk = u16(eocd + 8),
                let count = u16(eocd + 10), let directorySize = u32(eocd + 12), let directoryOffset = u32(eocd + 16),
                let commentLength = u16(eocd + 20)
            else { throw corrupt("the end-of-central-directory record is cut off") }
            guard eocd + 22 + commentLength == size else {
                throw corrupt(
                    "the end-of-central-directory record at offset \(eocd) does not end the file (comment length \(commentLength))"
                )
            }
            if eocd >= 20, u32(eocd - 20) == 0x0706_4B50 {
                return try zip64EndRecords(locator: eocd - 20)
            }
            guard disk == 0, directoryDisk == 0, onDisk == count else {
                throw corrupt("the zip spans several disks; only single-file zips are read")
            }
            guard count != 0xFFFF, directorySize != 0xFFFF_FFFF, directoryOffset != 0xFFFF_FFFF else {
                throw corrupt("the end-of-central-directory record defers to a zip64 record, but there is none")
            }
            return try checked(
                EndRecords(entryCount: count, directoryOffset: directoryOffset, directorySize: directorySize), end: eocd
            )
        }

        /// The zip64 record is read just before the locator, where zip tools look for it; the locator must agree.
        func zip64EndRecords(locator: UInt64) throws(SubmissionError) -> EndRecords {
            guard let declared = u64(locator + 8), let disks = u32(locator + 16) else {
                throw corrupt("the zip64 end-of-central-directory locator is cut off")
            }
            guard locator >= 56, declared == locator - 56 else {
                throw corrupt(
                    "the zip64 end-of-central-directory locator points to offset \(declared), not to the record just before it (file of \(size) bytes)"
                )
            }
            let record = declared
            guard u32(record) == 0x0606_4B50, u64(record + 4) == 44 else {
                throw corrupt("no zip64 end-of-central-directory record at offset \(record)")
            }
            guard let disk = u32(record + 16), let directoryDisk = u32(record + 20), let onDisk = u64(record + 24),
                let count = u64(record + 32), let directorySize = u64(record + 40),
                let directoryOffset = u64(record + 48)
            else { throw corrupt("the zip64 end-of-central-directory record is cut off") }
            guard disk == 0, directoryDisk == 0, disks <= 1, onDisk == count else {
                throw corrupt("the zip spans several disks; only single-file zips are read")
            }
            return try checked(
                EndRecords(entryCount: count, directoryOffset: directoryOffset, directorySize: directorySize),
                end: record)
        }

        /// The central directory must end exactly where the end records begin.
        func checked(_ records: EndRecords, end: UInt64) throws(SubmissionError) -> EndRecords {
            let (directoryEnd, overflow) = records.directoryOffset.addingReportingOverflow(records.directorySize)
            guard !overflow, records.directoryOffset <= size, directoryEnd <= end else {
                throw corrupt(
                    "the central directory (offset \(records.directoryOffset), \(records.directorySize) bytes) lies outside the file (\(size) bytes)"
                )
            }
            guard directoryEnd == end else {
                throw corrupt(
                    "the central directory ends at offset \(directoryEnd) but the end record is at \(end): data was prepended to the zip or its directory is damaged"
                )
            }
            return records
        }

        func centralDirectory(_ end: EndRecords) throws(SubmissionError) -> [Entry] {
            var entries: [Entry] = []
            var spans: [(start: UInt64, end: UInt64, name: String)] = []
            var offset = end.directoryOffset
            let directoryEnd = end.directoryOffset + end.directorySize
            for index in 0..<end.entryCount {
                guard u32(offset) == 0x0201_4B50, offset + 46 <= directoryEnd else {
                    throw corrupt(
                        "central directory entry \(index + 1) at offset \(offset) is garbled (no entry signature)")
                }
                let field = { (relative: UInt64, width: Int) -> UInt64 in
                    value(at: offset + relative, width: width) ?? 0
                }
                let nameLength = field(28, 2)
                let extraLength = field(30, 2)
                let commentLength = field(32, 2)
                let recordEnd = offset + 46 + nameLength + extraLength + commentLength
                guard recordEnd <= directoryEnd, let name = slice(offset + 46, nameLength),
                    let extra = slice(offset + 46 + nameLength, extraLength)
                else {
                    throw corrupt("central directory entry \(index + 1) at offset \(offset) runs past the directory")
                }
                var entry = try directoryEntry(at: offset, name: name, extra: extra, field: field)
                let occupied = try span(
                    of: entry, flags: field(8, 2), method: field(10, 2), directoryStart: end.directoryOffset,
                    zip64: field(6, 2) & 0xFF >= 45 || Self.zip64Field(in: extra) != nil)
                entry.dataOffset = occupied.dataStart
                spans.append((occupied.start, occupied.end, occupied.name))
                entries.append(entry)
                offset = recordEnd
            }
            guard offset == directoryEnd else {
                throw corrupt(
                    "the central directory holds \(offset - end.directoryOffset) bytes of entries but declares \(end.directorySize)"
                )
            }
            let sorted = spans.sorted { $0.start < $1.start }
            for (first, second) in zip(sorted, sorted.dropFirst()) where second.start < first.end {
                throw corrupt("entries \"\(first.name)\" and \"\(second.name)\" overlap in the file")
            }
            return entries
        }

        func directoryEntry(
            at offset: UInt64, name: [UInt8], extra: [UInt8], field: (UInt64, Int) -> UInt64
        ) throws(SubmissionError) -> Entry {
            let printable = SubmissionEntryPath.printable(String(decoding: name, as: UTF8.self))
            let flags = field(8, 2)
            let method = field(10, 2)
            guard flags & 0x41 == 0 else {
                throw corrupt("entry \"\(printable)\" is encrypted; encrypted zips are refused")
            }
            guard method == 0 || method == 8 else {
                throw corrupt(
                    "entry \"\(printable)\" uses compression method \(method); only stored and deflate are read")
            }
            guard field(34, 2) == 0 else { throw corrupt("entry \"\(printable)\" is on another disk") }
            var uncompressed = field(24, 4)
            var compressed = field(20, 4)
            var local = field(42, 4)
            // The zip64 extra holds, in this order, exactly the values whose 32-bit field is all ones.
            let wanted = [uncompressed, compressed, local].filter { $0 == 0xFFFF_FFFF }.count
            let values = Self.zip64Field(in: extra)
            guard values.map({ $0.count == wanted * 8 }) ?? (wanted == 0) else {
                throw corrupt(
                    "entry \"\(printable)\" declares zip64 sizes or offset without a matching zip64 extra field")
            }
            if let values, wanted > 0 {
                var position = 0
                func next() -> UInt64 {
                    defer { position += 8 }
                    return (0..<8).reversed().reduce(0) { $0 << 8 | UInt64(values[position + $1]) }
                }
                if uncompressed == 0xFFFF_FFFF { uncompressed = next() }
                if compressed == 0xFFFF_FFFF { compressed = next() }
                if local == 0xFFFF_FFFF { local = next() }
            }
            if method == 0, compressed != uncompressed {
                throw corrupt(
                    "entry \"\(printable)\" is stored but declares \(compressed) stored and \(uncompressed) unpacked bytes"
                )
            }
            let path = Entry.path(of: name, flags: flags)
            return Entry(
                name: name, path: path, kind: Entry.kind(madeBy: field(4, 2), attributes: field(38, 4), path: path),
                crc32: UInt32(truncatingIfNeeded: field(16, 4)), compressedSize: compressed,
                uncompressedSize: uncompressed, localHeaderOffset: local, method: method)
        }

        /// The bytes an entry occupies: local header, data and data descriptor, all before the central directory.
        func span(of entry: Entry, flags: UInt64, method: UInt64, directoryStart: UInt64, zip64: Bool)
            throws(SubmissionError) -> (start: UInt64, end: UInt64, name: String, dataStart: UInt64)
        {
            let name = entry.printableName
            let header = entry.localHeaderOffset
            guard header <= directoryStart, directoryStart - header >= 30, u32(header) == 0x0403_4B50 else {
                throw corrupt("entry \"\(name)\": no local header at offset \(header) (file of \(size) bytes)")
            }
            let nameLength = u16(header + 26) ?? 0
            let extraLength = u16(header + 28) ?? 0
            guard u16(header + 6).map({ $0 & 0x41 }) == flags & 0x41, u16(header + 8) == method,
                slice(header + 30, nameLength) == entry.name
            else { throw corrupt("entry \"\(name)\": its local header disagrees with the central directory") }
            let dataStart = header + 30 + nameLength + extraLength
            let (dataEnd, overflow) = dataStart.addingReportingOverflow(entry.compressedSize)
            guard !overflow, dataEnd <= directoryStart else {
                throw corrupt(
                    "entry \"\(name)\": its \(entry.compressedSize) bytes of data run past the central directory")
            }
            var end = dataEnd
            if flags & 0x08 != 0 {
                // A data descriptor follows the data; some tools prefer its values, so they must match.
                var position = dataEnd
                if u32(position) == 0x0807_4B50 { position += 4 }
                let width = zip64 ? 8 : 4
                guard position + 4 + 2 * UInt64(width) <= directoryStart, u32(position) == UInt64(entry.crc32),
                    value(at: position + 4, width: width) == entry.compressedSize,
                    value(at: position + 4 + UInt64(width), width: width) == entry.uncompressedSize
                else { throw corrupt("entry \"\(name)\": its data descriptor disagrees with the central directory") }
                end = position + 4 + 2 * UInt64(width)
            }
            return (header, end, name, dataStart)
        }

        /// The body of the zip64 extended information extra field (id 1), if the extra fields are well formed.
        static func zip64Field(in extra: [UInt8]) -> [UInt8]? {
            var index = 0
            while index + 4 <= extra.count {
                let id = Int(extra[index]) | Int(extra[index + 1]) << 8
                let length = Int(extra[index + 2]) | Int(extra[index + 3]) << 8
                guard length <= extra.count - index - 4 else { return nil }
                if id == 1 { return Array(extra[index + 4..<index + 4 + length]) }
                index += 4 + length
            }
            return nil
        }
    }
}
