import Foundation
import QRConformance
import ZIPFoundation

/// Reads a submission `.zip` into memory with ZIPFoundation, refusing anything that could escape or explode.
///
/// Refused: more entries than the limit, entries outside the root (`..`, absolute), symlinks, anything but
/// PNGs and the manifest, declared or actual unpacked size over the limit (a bomb's header may lie, so bytes are
/// counted as they inflate). Nothing is written to disk.
enum ZipSubmissionReader {
    static func read(_ data: Data, source: String, limits: SubmissionLimits) throws(SubmissionError) -> SubmissionContents {
        guard data.count <= limits.maxArchiveBytes else {
            throw SubmissionError(
                code: .tooLarge, path: source, cause: "the zip is \(data.count) bytes; the limit is \(limits.maxArchiveBytes)")
        }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw SubmissionError(code: .unreadable, path: source, cause: "not a readable zip archive (\(error))")
        }
        var entries: [Entry] = []
        var declared: UInt64 = 0
        for entry in archive {
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
                declared += entry.uncompressedSize
                guard declared <= UInt64(limits.maxTotalBytes) else {
                    throw tooLarge(source, limits, "declare")
                }
                entries.append(entry)
            }
        }
        var files: [String: [UInt8]] = [:]
        var total = 0
        for entry in entries {
            var bytes: [UInt8] = []
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
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
            guard files.updateValue(bytes, forKey: entry.path) == nil else {
                throw SubmissionError(
                    code: .unsafeEntry, path: source,
                    cause: "entry \"\(SubmissionEntryPath.printable(entry.path))\" appears twice")
            }
        }
        let manifest = files.removeValue(forKey: SubmissionManifest.fileName)
        return SubmissionContents(source: source, manifest: manifest, files: files)
    }

    private static func tooLarge(_ source: String, _ limits: SubmissionLimits, _ verb: String) -> SubmissionError {
        SubmissionError(
            code: .tooLarge, path: source,
            cause: "the entries \(verb) to more than \(limits.maxTotalBytes) bytes; refused as a possible zip bomb")
    }
}
