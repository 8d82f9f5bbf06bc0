import Foundation
import QRConformance

/// Reads a submission folder with the same rules as a zip: no links, PNGs and the manifest only, limits.
enum FolderSubmissionReader {
    static func read(_ root: String, limits: SubmissionLimits) throws(SubmissionError) -> SubmissionContents {
        let rootURL = URL(fileURLWithPath: root)
        var pending = [""]
        var files: [String: [UInt8]] = [:]
        var entries = 0
        var total = 0
        while let relative = pending.popLast() {
            let url = relative.isEmpty ? rootURL : rootURL.appendingPathComponent(relative)
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
            } catch {
                throw SubmissionError.submission(code: .unreadable, path: url.path, cause: error.localizedDescription)
            }
            for name in names {
                entries += 1
                guard entries <= limits.maxEntries else {
                    throw SubmissionError.submission(
                        code: .tooManyEntries, path: root,
                        cause: "the folder has more than \(limits.maxEntries) entries")
                }
                let path = relative.isEmpty ? name : relative + "/" + name
                let child = rootURL.appendingPathComponent(path)
                let values = try? child.resourceValues(forKeys: [.isSymbolicLinkKey, .isDirectoryKey, .fileSizeKey])
                if values?.isSymbolicLink == true {
                    throw SubmissionError.submission(
                        code: .unsafeEntry, path: root, cause: "entry \"\(path)\" is a symbolic link; links are refused"
                    )
                }
                if values?.isDirectory == true {
                    pending.append(path)
                    continue
                }
                try SubmissionEntryPath.checkAllowed(path, source: root)
                total += values?.fileSize ?? 0
                guard total <= limits.maxTotalBytes else {
                    throw SubmissionError.submission(
                        code: .tooLarge, path: root,
                        cause: "the files add up to more than \(limits.maxTotalBytes) bytes")
                }
                files[path] = [UInt8](try SubmissionReader.bytes(of: child.path, limit: limits.maxTotalBytes))
            }
        }
        let manifest = files.removeValue(forKey: SubmissionManifest.fileName)
        return SubmissionContents(source: root, manifest: manifest, files: files)
    }
}
