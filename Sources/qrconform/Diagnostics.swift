import Foundation
import QRHarness

/// Lines and bytes on stderr: progress, summaries and warnings.
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
