import Foundation
import QRConformance
import QRImaging

/// Reads a submission `.zip` into memory, refusing anything that could escape or explode: `ZipDirectory` lists and
/// checks the entries, zlib unpacks each in one bounded call (`RawInflate`), and each entry's CRC-32 and size are
/// checked after unpacking.
///
/// Refused: damaged or crafted structure, more entries than the limit, entries outside the root (`..`, absolute),
/// symlinks, anything but PNGs and the manifest, declared or actual unpacked size over the limit (a bomb's header may
/// lie, so bytes are counted as they inflate). Nothing is written to disk.
enum ZipSubmissionReader {
    static func read(_ data: Data, source: String, limits: SubmissionLimits) throws(SubmissionError)
        -> SubmissionContents
    {
        guard data.count <= limits.maxArchiveBytes else {
            throw SubmissionError.submission(
                code: .tooLarge, path: source,
                cause: "the zip is \(data.count) bytes; the limit is \(limits.maxArchiveBytes)")
        }
        let whole = [UInt8](data)
        let directory = try ZipDirectory.read(whole, source: source, maxEntries: limits.maxEntries)
        var entries: [ZipDirectory.Entry] = []
        var declared: UInt64 = 0
        for entry in directory.entries {
            let name = try SubmissionEntryPath.validate(entry.path, source: source)
            switch entry.kind {
            case .symlink:
                throw SubmissionError.submission(
                    code: .unsafeEntry, path: source,
                    cause: "entry \"\(SubmissionEntryPath.printable(name))\" is a symbolic link; links are refused")
            case .directory:
                continue
            case .file:
                try SubmissionEntryPath.checkAllowed(name, source: source)
                let (sum, overflow) = declared.addingReportingOverflow(entry.uncompressedSize)
                guard !overflow, sum <= UInt64(limits.maxTotalBytes) else { throw tooLarge(source, limits, "declare") }
                declared = sum
                entries.append(entry)
            }
        }
        var files: [String: [UInt8]] = [:]
        for entry in entries {
            let bytes = try unpack(entry, from: whole, source: source)
            guard files.updateValue(bytes, forKey: entry.path) == nil else {
                throw SubmissionError.submission(
                    code: .unsafeEntry, path: source,
                    cause: "entry \"\(SubmissionEntryPath.printable(entry.path))\" appears twice")
            }
        }
        let manifest = files.removeValue(forKey: SubmissionManifest.fileName)
        return SubmissionContents(source: source, manifest: manifest, files: files)
    }

    /// One entry's bytes, stored or inflated, checked against the CRC-32 and size the zip records.
    private static func unpack(_ entry: ZipDirectory.Entry, from whole: [UInt8], source: String)
        throws(SubmissionError) -> [UInt8]
    {
        // ZipDirectory put the data inside the file and the declared sizes within the limit (summed by the caller).
        guard let start = Int(exactly: entry.dataOffset), let count = Int(exactly: entry.compressedSize),
            let size = Int(exactly: entry.uncompressedSize), start <= whole.count, count <= whole.count - start
        else {
            throw SubmissionError.submission(
                code: .corruptZip, path: source, cause: "entry \"\(entry.printableName)\" lies outside the file")
        }
        let stored = whole[start..<(start + count)]
        let bytes: [UInt8]
        if entry.method == 0 {
            bytes = Array(stored)
        } else {
            switch RawInflate.inflate(stored, size: size) {
            case .success(let value): bytes = value
            case .failure(.longer):
                throw SubmissionError.submission(
                    code: .tooLarge, path: source,
                    cause: "entry \"\(entry.printableName)\" unpacks to more than the \(size) bytes the zip "
                        + "records; refused as a possible zip bomb")
            case .failure(let failure):
                throw SubmissionError.submission(
                    code: .corruptZip, path: source, cause: "entry \"\(entry.printableName)\" is damaged: \(failure)")
            }
        }
        let crc32 = CRC32.checksum(bytes[...])
        guard crc32 == entry.crc32, UInt64(bytes.count) == entry.uncompressedSize else {
            throw SubmissionError.submission(
                code: .corruptZip, path: source,
                cause: "entry \"\(entry.printableName)\" is damaged: " + hex(crc32, bytes.count, expected: entry))
        }
        return bytes
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
