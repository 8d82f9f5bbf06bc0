import QRSymbol

/// Reads an image file from disk into memory and decodes it; the only file access in the imaging layer.
public enum ImageFile {
    /// The file's bytes (`InputFile`: folders, FIFOs and devices refused without blocking, files over the size
    /// limit refused before reading), with the reasons image errors give.
    public static func readBytes(path: String, limits: ImageLimits = .default) throws(ImageLoadError) -> [UInt8] {
        do {
            return try InputFile.read(path: path, limit: limits.maxFileBytes)
        } catch {
            switch error {
            case .tooLarge(let bytes, let limit): throw .fileTooLarge(path: path, bytes: bytes, limit: limit)
            case .isDirectory: throw .unreadable(path: path, reason: "it is a directory")
            case .notRegular(.fifo): throw .unreadable(path: path, reason: error.description)
            case .notRegular: throw .unreadable(path: path, reason: "it is a device or socket, not a regular file")
            case .system: throw .unreadable(path: path, reason: error.description)
            }
        }
    }

    /// Reads and decodes a PNG file.
    public static func load(path: String, limits: ImageLimits = .default) throws(ImageLoadError) -> (
        bytes: [UInt8], image: GrayImage
    ) {
        let bytes = try readBytes(path: path, limits: limits)
        return (bytes, try PNGDecoder.decode(bytes, path: path, limits: limits))
    }
}
