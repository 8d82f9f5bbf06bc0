import Foundation
import QRSymbol

/// Reads an image file from disk into memory and decodes it; the only file access in the imaging layer.
public enum ImageFile {
    /// The file's bytes, refusing folders, FIFOs and devices (opened non-blocking, so a pipe never hangs the run)
    /// and files over the size limit before reading them.
    public static func readBytes(path: String, limits: ImageLimits = .default) throws(ImageLoadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: reason(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(path: path, reason: reason(errno)) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .unreadable(path: path, reason: "it is a directory")
        case S_IFIFO: throw .unreadable(path: path, reason: "it is a named pipe (FIFO), not a regular file")
        default: throw .unreadable(path: path, reason: "it is a device or socket, not a regular file")
        }
        let size = Int(status.st_size)
        guard size <= limits.maxFileBytes else {
            throw .fileTooLarge(path: path, bytes: size, limit: limits.maxFileBytes)
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return read(descriptor, base + offset, size - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: reason(errno))
            }
            if count == 0 { break }
            offset += count
        }
        return Array(bytes[..<offset])
    }

    /// Reads and decodes a PNG file.
    public static func load(path: String, limits: ImageLimits = .default) throws(ImageLoadError) -> (
        bytes: [UInt8], image: GrayImage
    ) {
        let bytes = try readBytes(path: path, limits: limits)
        return (bytes, try PNGDecoder.decode(bytes, path: path, limits: limits))
    }

    private static func reason(_ errno: Int32) -> String {
        switch errno {
        case ENOENT: "no such file"
        case ELOOP: "a loop of symbolic links"
        default: String(cString: strerror(errno))
        }
    }
}
