import Foundation
import QRSymbol

/// Reads an image file from disk into memory and decodes it; the only file access in the imaging layer.
public enum ImageFile {
    /// The file's bytes, refusing files over the size limit before reading them.
    public static func readBytes(path: String, limits: ImageLimits = .default) throws(ImageLoadError) -> [UInt8] {
        let url = URL(fileURLWithPath: path)
        let size: Int
        do {
            let values = try url.resourceValues(forKeys: [.fileSizeKey, .isDirectoryKey])
            if values.isDirectory == true { throw ImageLoadError.unreadable(path: path, reason: "it is a directory") }
            size = values.fileSize ?? 0
        } catch let error as ImageLoadError {
            throw error
        } catch {
            throw .unreadable(path: path, reason: Self.reason(error))
        }
        guard size <= limits.maxFileBytes else {
            throw .fileTooLarge(path: path, bytes: size, limit: limits.maxFileBytes)
        }
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            throw .unreadable(path: path, reason: Self.reason(error))
        }
    }

    /// Reads and decodes a PNG file.
    public static func load(path: String, limits: ImageLimits = .default) throws(ImageLoadError) -> (bytes: [UInt8], image: GrayImage) {
        let bytes = try readBytes(path: path, limits: limits)
        return (bytes, try PNGDecoder.decode(bytes, path: path, limits: limits))
    }

    private static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoSuchFileError || ns.code == 260 {
            return "no such file"
        }
        return ns.localizedDescription
    }
}
