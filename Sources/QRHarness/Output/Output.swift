import Foundation

/// Writes the run's document to stdout or a file, and diagnostics to stderr, with POSIX `write(2)`.
///
/// Foundation's `FileHandle.write(_:)` traps when a write fails (a full disk, a closed stdout); here every failure
/// is an `OutputError` naming the target and the OS reason, which the command line turns into exit status 2.
public enum Output {
    /// Writes a whole document: to stdout, or atomically to `path` (a temporary file renamed over it).
    public static func write(_ bytes: [UInt8], to path: String?) throws(OutputError) {
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
    public static func print(_ line: String) throws(OutputError) {
        try StandardOutput.write(Array((line + "\n").utf8))
    }
}
