import Foundation
import QRConformance
import ZIPFoundation

/// Reads a submission `.zip` into memory, refusing anything that could escape or explode: ZIPFoundation lists the
/// entries (names, types), zlib unpacks each in one bounded call (`RawInflate`).
///
/// The structure is checked first (`ZipDirectory`), since ZIPFoundation traps on offsets outside the file; every
/// entry's CRC-32 and size are checked after unpacking. Refused: damaged or crafted structure, more entries than the limit, entries outside the root (`..`, absolute), symlinks, anything but
/// PNGs and the manifest, declared or actual unpacked size over the limit (a bomb's header may lie, so bytes are
/// counted as they inflate). Nothing is written to disk.
enum ZipSubmissionReader {
    static func read(_ data: Data, source: String, limits: SubmissionLimits) throws(SubmissionError)
        -> SubmissionContents
    {
        guard data.count <= limits.maxArchiveBytes else {
            throw SubmissionError.submission(
                code: .tooLarge, path: source,
                cause: "the zip is \(data.count) bytes; the limit is \(limits.maxArchiveBytes)")
        }
        let directory = try ZipDirectory.read([UInt8](data), source: source, maxEntries: limits.maxEntries)
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw SubmissionError.submission(
                code: .unreadable, path: source, cause: "not a readable zip archive (\(error))")
        }
        var entries: [(entry: Entry, checked: ZipDirectory.Entry)] = []
        var declared: UInt64 = 0
        var listed = 0
        for entry in archive {
            listed += 1
            guard listed <= directory.entries.count else { break }
            guard entries.count < limits.maxEntries else {
                throw SubmissionError.submission(
                    code: .tooManyEntries, path: source,
                    cause: "the zip has more than \(limits.maxEntries) entries; refused before unpacking")
            }
            let name = try SubmissionEntryPath.validate(entry.path, source: source)
            switch entry.type {
            case .symlink:
                throw SubmissionError.submission(
                    code: .unsafeEntry, path: source,
                    cause: "entry \"\(SubmissionEntryPath.printable(name))\" is a symbolic link; links are refused")
            case .directory:
                continue
            case .file:
                try SubmissionEntryPath.checkAllowed(name, source: source)
                let checked = directory.entries[listed - 1]
                let (sum, overflow) = declared.addingReportingOverflow(checked.uncompressedSize)
                guard !overflow, sum <= UInt64(limits.maxTotalBytes) else { throw tooLarge(source, limits, "declare") }
                declared = sum
                entries.append((entry, checked))
            }
        }
        guard listed == directory.entries.count else {
            throw SubmissionError.submission(
                code: .corruptZip, path: source,
                cause: "the central directory lists \(directory.entries.count) entries but only \(listed) can be read")
        }
        var files: [String: [UInt8]] = [:]
        let whole = [UInt8](data)
        for (entry, checked) in entries {
            // ZipDirectory put the data inside the file and the declared sizes within the limit (summed above).
            guard let start = Int(exactly: checked.dataOffset), let count = Int(exactly: checked.compressedSize),
                let size = Int(exactly: checked.uncompressedSize), count <= whole.count - start
            else {
                throw SubmissionError.submission(
                    code: .corruptZip, path: source, cause: "entry \"\(checked.printableName)\" lies outside the file")
            }
            let stored = whole[start..<(start + count)]
            let bytes: [UInt8]
            if checked.method == 0 {
                bytes = Array(stored)
            } else {
                switch RawInflate.inflate(stored, size: size) {
                case .success(let value): bytes = value
                case .failure(.longer):
                    throw SubmissionError.submission(
                        code: .tooLarge, path: source,
                        cause: "entry \"\(checked.printableName)\" unpacks to more than the \(size) bytes the zip "
                            + "records; refused as a possible zip bomb")
                case .failure(let failure):
                    throw SubmissionError.submission(
                        code: .corruptZip, path: source,
                        cause: "entry \"\(checked.printableName)\" is damaged: \(failure)")
                }
            }
            let crc32 = RawInflate.checksum(bytes)
            guard crc32 == checked.crc32, UInt64(bytes.count) == checked.uncompressedSize else {
                throw SubmissionError.submission(
                    code: .corruptZip, path: source,
                    cause: "entry \"\(checked.printableName)\" is damaged: "
                        + Self.hex(crc32, bytes.count, expected: checked))
            }
            guard files.updateValue(bytes, forKey: entry.path) == nil else {
                throw SubmissionError.submission(
                    code: .unsafeEntry, path: source,
                    cause: "entry \"\(SubmissionEntryPath.printable(entry.path))\" appears twice")
            }
        }
        let manifest = files.removeValue(forKey: SubmissionManifest.fileName)
        return SubmissionContents(source: source, manifest: manifest, files: files)
    }

    private static func hex(_ crc32: UInt32, _ count: Int, expected: ZipDirectory.Entry) -> String {
        func hex(_ value: UInt32) -> String {
            let digits = String(value, radix: 16, uppercase: true)
            return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
        }
        guard crc32 == expected.crc32 else {
            return "its CRC-32 is \(hex(crc32)) but the zip records \(hex(expected.crc32))"
        }
        return "it unpacks to \(count) bytes but the zip records \(expected.uncompressedSize)"
    }

    private static func tooLarge(_ source: String, _ limits: SubmissionLimits, _ verb: String) -> SubmissionError {
        SubmissionError.submission(
            code: .tooLarge, path: source,
            cause: "the entries \(verb) to more than \(limits.maxTotalBytes) bytes; refused as a possible zip bomb")
    }
}
