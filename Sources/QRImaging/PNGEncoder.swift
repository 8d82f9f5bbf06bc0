internal import CLibPNG
import QRSymbol

/// Encodes an 8-bit gray image as PNG with libpng's simplified write API, in memory.
///
/// Used for the QR crops the HTML report inlines as `data:` URIs; no file is written.
public enum PNGEncoder {
    /// The PNG bytes of `image` (8-bit grayscale, no density chunk).
    public static func encode(_ image: GrayImage) throws(PNGEncodeError) -> [UInt8] {
        guard let width = UInt32(exactly: image.width), let height = UInt32(exactly: image.height) else {
            throw .tooLarge(width: image.width, height: image.height)
        }
        var header = png_image()
        header.version = UInt32(PNG_IMAGE_VERSION)
        header.width = width
        header.height = height
        header.format = qrc_png_format_gray()
        var size: png_alloc_size_t = 0
        let sized = image.pixels.withUnsafeBytes { pixels in
            png_image_write_to_memory(&header, nil, &size, 0, pixels.baseAddress, 0, nil)
        }
        guard sized != 0, size > 0 else { throw .failed(message(&header)) }
        var output = [UInt8](repeating: 0, count: Int(size))
        let written = output.withUnsafeMutableBytes { out in
            image.pixels.withUnsafeBytes { pixels in
                png_image_write_to_memory(&header, out.baseAddress, &size, 0, pixels.baseAddress, 0, nil)
            }
        }
        png_image_free(&header)
        guard written != 0, Int(size) <= output.count else { throw .failed(message(&header)) }
        return Array(output.prefix(Int(size)))
    }

    private static func message(_ image: inout png_image) -> String {
        withUnsafeBytes(of: &image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}

/// libpng could not encode an image.
public enum PNGEncodeError: Error, Sendable, Equatable, CustomStringConvertible {
    case tooLarge(width: Int, height: Int)
    case failed(String)

    public var description: String {
        switch self {
        case .tooLarge(let width, let height): "cannot encode a \(width)×\(height) image as PNG"
        case .failed(let message): "libpng could not encode the image: \(message)"
        }
    }
}
