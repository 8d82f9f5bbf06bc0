import Foundation
import QRErrors

/// A report or document that could not be written: the file (or standard output) and the OS's reason; the command
/// line exits 2 with this message.
public typealias OutputError = QRError

extension QRError.Domain {
    /// Reports and documents being written.
    public static let output = Self("output")
}

extension QRError.Code {
    public static let cannotWrite = Self("cannot-write")
    public static let cannotCreate = Self("cannot-create")
    public static let isFolder = Self("is-folder")
    public static let cannotCreateFolder = Self("cannot-create-folder")
}

extension QRError {
    /// Writing to `target` (a file or standard output) failed.
    public static func write(target: String, errno: Int32) -> Self {
        Self(.output, code: .cannotWrite, file: target, cause: "cannot write: \(reason(errno))")
    }

    /// The report file could not be created.
    public static func create(path: String, errno: Int32) -> Self {
        Self(.output, code: .cannotCreate, file: path, cause: "cannot create the report file: \(reason(errno))")
    }

    /// The report's path is a folder, which is left as it is.
    public static func isDirectory(_ path: String) -> Self {
        Self(
            .output, code: .isFolder, file: path,
            cause: "is a folder; give a file name for the report (the folder is left as it is)")
    }

    /// The report folder (or one above it) could not be made.
    public static func createFolder(path: String, errno: Int32) -> Self {
        Self(
            .output, code: .cannotCreateFolder, file: path,
            cause: "cannot create the report folder: \(reason(errno))")
    }

    /// The OS's words for an errno.
    public static func reason(_ errno: Int32) -> String { String(cString: strerror(errno)) }
}
