import Foundation

/// Reads a file whole with POSIX calls (spec, trust list, test plan, report, screenshot, submission): the one file
/// reader, so what is wrong reaches the user as a plain reason: a folder, a FIFO or device, a symbolic-link loop, a
/// missing file or too many bytes.
///
/// FIFOs are opened non-blocking and refused, and the size is checked before anything is read, so a named pipe never
/// hangs a run and an oversized file is never loaded.
public enum InputFile {
    /// Why a file could not be read; `description` is the reason only, callers put the path in front.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case system(errno: Int32)
        case isDirectory
        case notRegular(SpecialFile)
        case tooLarge(bytes: Int, limit: Int)

        public var description: String {
            switch self {
            case .system(let errno) where errno == ENOENT: "no such file"
            case .system(let errno) where errno == ELOOP: "a loop of symbolic links"
            case .system(let errno): String(cString: strerror(errno))
            case .isDirectory: "it is a folder, not a file"
            case .notRegular(let kind): "it is a \(kind.rawValue), not a regular file"
            case .tooLarge(let bytes, let limit): "the file is \(bytes) bytes, over the limit of \(limit)"
            }
        }
    }

    /// What a path that is neither a regular file nor a folder is, as `Problem.notRegular` names it.
    public enum SpecialFile: String, Sendable, Equatable {
        case fifo = "named pipe (FIFO)"
        case socket
        case device
        case other = "special file"
    }

    public static func read(path: String, limit: Int = 64 << 20) throws(Problem) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system(errno: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .system(errno: errno) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .isDirectory
        case S_IFIFO: throw .notRegular(.fifo)
        case S_IFSOCK: throw .notRegular(.socket)
        case S_IFCHR, S_IFBLK: throw .notRegular(.device)
        default: throw .notRegular(.other)
        }
        let size = Int(status.st_size)
        guard size <= limit else { throw .tooLarge(bytes: size, limit: limit) }
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.read(descriptor, base + offset, size - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system(errno: errno)
            }
            if count == 0 { break }
            offset += count
        }
        return Array(bytes[..<offset])
    }
}
