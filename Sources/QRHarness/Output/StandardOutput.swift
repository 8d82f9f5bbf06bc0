import Foundation

/// File descriptor 1, written in a loop that survives `EINTR` and partial writes.
public enum StandardOutput {
    static let name = "standard output"

    public static func write(_ bytes: [UInt8]) throws(OutputError) {
        if let errno = POSIXWrite.all(bytes, to: STDOUT_FILENO) { throw OutputError.write(target: name, errno: errno) }
    }

    public static func write(_ data: Data) throws(OutputError) { try write([UInt8](data)) }

    /// Makes a closed fd 0, 1 or 2 a read-only `/dev/null`, so no file opened later takes its number and writes to
    /// a closed stdout fail with `EBADF` instead of landing in that file.
    public static func guardClosedDescriptors() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) < 0 {
            let null = open("/dev/null", O_RDONLY)
            if null >= 0, null != descriptor {
                dup2(null, descriptor)
                close(null)
            }
        }
    }
}

public enum POSIXWrite {
    /// Writes every byte to `descriptor`; the errno of the first failure, or nil.
    public static func all(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
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
