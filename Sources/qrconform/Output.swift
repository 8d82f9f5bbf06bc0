import Foundation

/// Writes the run's document to stdout or a file, and diagnostics to stderr, with POSIX `write(2)`.
///
/// Foundation's `FileHandle.write(_:)` traps when a write fails (a full disk, a closed stdout); here every failure
/// is an `OutputError` naming the target and the OS reason, which the CLI turns into exit status 2.
enum Output {
    /// Writes a whole document: to stdout, or atomically to `path` (a temporary file renamed over it).
    static func write(_ bytes: [UInt8], to path: String?) throws(OutputError) {
        guard let path else { return try StandardOutput.write(bytes) }
        let file = try AtomicFile(path: path)
        do {
            try file.write(bytes)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    /// Prints one line on stdout, as `print` does, but failing loudly when it cannot.
    static func print(_ line: String) throws(OutputError) {
        try StandardOutput.write(Array((line + "\n").utf8))
    }
}

/// File descriptor 1, written in a loop that survives `EINTR` and partial writes.
enum StandardOutput {
    static let name = "standard output"

    static func write(_ bytes: [UInt8]) throws(OutputError) {
        if let errno = POSIXWrite.all(bytes, to: STDOUT_FILENO) { throw OutputError.write(target: name, errno: errno) }
    }

    static func write(_ data: Data) throws(OutputError) { try write([UInt8](data)) }

    /// Makes a closed fd 0, 1 or 2 a read-only `/dev/null`, so no file opened later takes its number and writes to
    /// a closed stdout fail with `EBADF` instead of landing in that file.
    static func guardClosedDescriptors() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) < 0 {
            let null = open("/dev/null", O_RDONLY)
            if null >= 0, null != descriptor {
                dup2(null, descriptor)
                close(null)
            }
        }
    }
}

enum POSIXWrite {
    /// Writes every byte to `descriptor`; the errno of the first failure, or nil.
    static func all(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { buffer -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if written == 0 { return EIO }
                offset += written
            }
            return nil
        }
    }
}

/// A report file written under a temporary name in the destination's folder and renamed over it when complete,
/// so an interrupted run never leaves half a report; the destination may be a file, never a folder.
final class AtomicFile {
    let path: String
    private let temporary: String
    private var descriptor: Int32

    init(path: String) throws(OutputError) {
        self.path = path
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { throw OutputError.isDirectory(path) }
        let url = URL(fileURLWithPath: path)
        temporary =
            url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError.create(path: path, errno: errno) }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    func write(_ bytes: [UInt8]) throws(OutputError) {
        if let errno = POSIXWrite.all(bytes, to: descriptor) { throw OutputError.write(target: path, errno: errno) }
    }

    /// Flushes, closes and renames the temporary file over the destination.
    func commit() throws(OutputError) {
        let failedSync = fsync(descriptor) != 0 ? errno : nil
        let failedClose = close(descriptor) != 0 ? errno : nil
        descriptor = -1
        if let errno = failedSync ?? failedClose {
            unlink(temporary)
            throw OutputError.write(target: path, errno: errno)
        }
        guard rename(temporary, path) == 0 else {
            let failure = errno
            unlink(temporary)
            throw failure == EISDIR || failure == ENOTEMPTY || failure == EEXIST
                ? OutputError.isDirectory(path) : OutputError.write(target: path, errno: failure)
        }
    }

    /// Removes the temporary file of a write that failed.
    func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporary)
    }
}

/// A report or document that could not be written; the CLI exits 2 with this message.
enum OutputError: Error, CustomStringConvertible, Equatable {
    case write(target: String, errno: Int32)
    case create(path: String, errno: Int32)
    case isDirectory(String)
    case createFolder(path: String, errno: Int32)

    var description: String {
        switch self {
        case .write(let target, let errno): "\(target): cannot write: \(Self.reason(errno))"
        case .create(let path, let errno): "\(path): cannot create the report file: \(Self.reason(errno))"
        case .isDirectory(let path):
            "\(path): is a folder; give a file name for the report (the folder is left as it is)"
        case .createFolder(let path, let errno): "\(path): cannot create the report folder: \(Self.reason(errno))"
        }
    }

    static func reason(_ errno: Int32) -> String { String(cString: strerror(errno)) }
}

enum Diagnostics {
    /// Bytes on stderr as they are (progress bar, summaries); failures are ignored like `warn`'s.
    static func raw(_ data: Data) {
        _ = POSIXWrite.all([UInt8](data), to: STDERR_FILENO)
    }

    /// A line on stderr; a failure to write it is ignored, since there is nowhere left to report it.
    static func warn(_ message: String) {
        _ = POSIXWrite.all(Array(("qrconform: " + message + "\n").utf8), to: STDERR_FILENO)
    }
}
