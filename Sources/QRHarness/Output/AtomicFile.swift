import Foundation

/// A report file written under a temporary name in the destination's folder and renamed over it when complete,
/// so an interrupted run never leaves half a report; the destination may be a file, never a folder.
public final class AtomicFile {
    public let path: String
    private let temporary: String
    private var descriptor: Int32

    public init(path: String) throws(OutputError) {
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

    public func write(_ bytes: [UInt8]) throws(OutputError) {
        if let errno = POSIXWrite.all(bytes, to: descriptor) { throw OutputError.write(target: path, errno: errno) }
    }

    /// Flushes, closes and renames the temporary file over the destination.
    public func commit() throws(OutputError) {
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
    public func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporary)
    }
}
