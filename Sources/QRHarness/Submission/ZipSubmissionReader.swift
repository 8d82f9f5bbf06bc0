import Foundation
import QRConformance
import ZIPFoundation

/// Reads a submission `.zip` into memory with ZIPFoundation, refusing anything that could escape or explode.
///
/// The structure is checked first (`ZipDirectory`), since ZIPFoundation traps on offsets outside the file; every
/// entry's CRC-32 and size are checked after unpacking. Refused: damaged or crafted structure, more entries than the limit, entries outside the root (`..`, absolute), symlinks, anything but
/// PNGs and the manifest, declared or actual unpacked size over the limit (a bomb's header may lie, so bytes are
/// counted as they inflate). Nothing is written to disk.
enum ZipSubmissionReader {
    static func read(_ data: Data, source: String, limits: SubmissionLimits) throws(SubmissionError) -> SubmissionContents {
        guard data.count <= limits.maxArchiveBytes else {
            throw SubmissionError(
                code: .tooLarge, path: source, cause: "the zip is \(data.count) bytes; the limit is \(limits.maxArchiveBytes)")
        }
        let directory = try ZipDirectory.read([UInt8](data), source: source, maxEntries: limits.maxEntries)
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw SubmissionError(code: .unreadable, path: source, cause: "not a readable zip archive (\(error))")
        }
        var entries: [(entry: Entry, checked: ZipDirectory.Entry)] = []
        var declared: UInt64 = 0
        var listed = 0
        for entry in archive {
            listed += 1
            guard listed <= directory.entries.count else { break }
            guard entries.count < limits.maxEntries else {
                throw SubmissionError(
                    code: .tooManyEntries, path: source,
                    cause: "the zip has more than \(limits.maxEntries) entries; refused before unpacking")
            }
            let name = try SubmissionEntryPath.validate(entry.path, source: source)
            switch entry.type {
            case .symlink:
                throw SubmissionError(
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
            throw SubmissionError(
                code: .corruptZip, path: source,
                cause: "the central directory lists \(directory.entries.count) entries but only \(listed) can be read")
        }
        var files: [String: [UInt8]] = [:]
        var total = 0
        for (entry, checked) in entries {
            var bytes: [UInt8] = []
            let crc32: CRC32
            do {
                crc32 = try archive.extract(entry, skipCRC32: false) { chunk in
                    total += chunk.count
                    guard total <= limits.maxTotalBytes else { throw tooLarge(source, limits, "unpack") }
                    bytes.append(contentsOf: chunk)
                }
            } catch let error as SubmissionError {
                throw error
            } catch {
                throw SubmissionError(
                    code: .unreadable, path: source,
                    cause: "entry \"\(SubmissionEntryPath.printable(entry.path))\" cannot be unpacked (\(error))")
            }
            guard crc32 == checked.crc32, UInt64(bytes.count) == checked.uncompressedSize else {
                throw SubmissionError(
                    code: .corruptZip, path: source,
                    cause: "entry \"\(checked.printableName)\" is damaged: "
                        + Self.hex(crc32, bytes.count, expected: checked))
            }
            guard files.updateValue(bytes, forKey: entry.path) == nil else {
                throw SubmissionError(
                    code: .unsafeEntry, path: source,
                    cause: "entry \"\(SubmissionEntryPath.printable(entry.path))\" appears twice")
            }
        }
        let manifest = files.removeValue(forKey: SubmissionManifest.fileName)
        return SubmissionContents(source: source, manifest: manifest, files: files)
    }

    private static func hex(_ crc32: CRC32, _ count: Int, expected: ZipDirectory.Entry) -> String {
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
        SubmissionError(
            code: .tooLarge, path: source,
            cause: "the entries \(verb) to more than \(limits.maxTotalBytes) bytes; refused as a possible zip bomb")
    }
}
