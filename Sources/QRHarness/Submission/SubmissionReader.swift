import Foundation
import QRConformance
import QRSymbol

/// Reads a submission from a folder or a `.zip` into memory, safely; the only file access for submissions.
///
/// ```swift
/// let contents = try SubmissionReader.read(path: "TestVectors/submissions/pass-acme")
/// ```
public enum SubmissionReader {
    public static func read(path: String, limits: SubmissionLimits = .default) throws(SubmissionError)
        -> SubmissionContents
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SubmissionError.submission(code: .unreadable, path: path, cause: "no such file or folder")
        }
        if isDirectory.boolValue { return try FolderSubmissionReader.read(path, limits: limits) }
        guard path.lowercased().hasSuffix(".zip") else {
            throw SubmissionError.submission(
                code: .notAllowed, path: path, cause: "a submission is a folder or a .zip file")
        }
        return try ZipSubmissionReader.read(
            try bytes(of: path, limit: limits.maxArchiveBytes), source: path, limits: limits)
    }

    /// Reads a zip already in memory (tests, and archives received other than as files).
    public static func readZip(_ data: Data, source: String, limits: SubmissionLimits = .default)
        throws(SubmissionError) -> SubmissionContents
    {
        try ZipSubmissionReader.read(data, source: source, limits: limits)
    }

    /// A file's bytes, refusing files over `limit` before reading them, and FIFOs or devices without blocking.
    static func bytes(of path: String, limit: Int) throws(SubmissionError) -> Data {
        do {
            return Data(try InputFile.read(path: path, limit: limit))
        } catch .tooLarge(let size, _) {
            throw SubmissionError.submission(code: .tooLarge, path: path, cause: "\(size) bytes; the limit is \(limit)")
        } catch {
            throw SubmissionError.submission(code: .unreadable, path: path, cause: error.description)
        }
    }
}
