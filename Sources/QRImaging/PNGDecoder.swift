internal import CLibPNG
import QRSymbol

/// Decodes PNG bytes into an 8-bit grayscale `GrayImage`: as libpng's simplified API does, with libdeflate for the
/// common 8-bit gray and RGB files (`PNGDirectDecoder`, same gray levels) and with libpng itself for the rest.
///
/// Every colour type and bit depth is accepted; alpha is composited over white (a transparent
/// screenshot area looks white on a phone's light background, and libpng would otherwise use black).
public enum PNGDecoder {
    public static func decode(
        _ bytes: [UInt8], path: String, limits: ImageLimits = .default
    ) throws(ImageLoadError) -> GrayImage {
        DecodeLog.record(path)
        guard bytes.count <= limits.maxFileBytes else {
            throw .fileTooLarge(path: path, bytes: bytes.count, limit: limits.maxFileBytes)
        }
        let header: PNGChunkReader.Header
        do {
            header = try PNGChunkReader.read(bytes)
        } catch {
            switch error {
            case .notPNG: throw .notPNG(path: path, format: ImageFormatSniffer.format(of: bytes))
            case .truncated(let detail): throw .truncated(path: path, detail: detail)
            case .badCRC(let chunk): throw .badCRC(path: path, chunk: chunk)
            case .malformed(let detail): throw .malformed(path: path, detail: detail)
            }
        }
        let (pixelCount, overflow) = header.width.multipliedReportingOverflow(by: header.height)
        guard !overflow, pixelCount <= limits.maxPixels else {
            throw .tooManyPixels(path: path, width: header.width, height: header.height, limit: limits.maxPixels)
        }
        let pixels: [UInt8]
        if let direct = PNGDirectDecoder.pixels(bytes, header: header) {
            pixels = direct
        } else {
            pixels = try decodePixels(bytes, header: header, path: path)
        }
        guard
            let image = GrayImage(
                width: header.width, height: header.height, pixels: pixels, pixelsPerInch: header.pixelsPerInch
            )
        else {
            throw .decodeFailed(path: path, message: "pixel count does not match the header")
        }
        return image
    }

    /// The gray levels as libpng's simplified API reads them (the reference `PNGDirectDecoder` is tested against).
    static func decodePixels(
        _ bytes: [UInt8], header: PNGChunkReader.Header, path: String
    ) throws(ImageLoadError) -> [UInt8] {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        let began = bytes.withUnsafeBytes { raw in
            png_image_begin_read_from_memory(&image, raw.baseAddress, raw.count)
        }
        defer { png_image_free(&image) }
        guard began != 0 else { throw .decodeFailed(path: path, message: message(of: &image)) }
        guard Int(image.width) == header.width, Int(image.height) == header.height else {
            throw .decodeFailed(path: path, message: "libpng read a different size than the IHDR chunk")
        }
        let buffer: [UInt8]
        if header.bitDepth == 16 {
            buffer = try finishSixteenBit(&image, header: header, path: path)
        } else {
            buffer = try finishEightBit(&image, header: header, path: path)
        }
        return buffer
    }

    /// 8-bit sRGB gray, composited by libpng over a white background.
    private static func finishEightBit(
        _ image: inout png_image, header: PNGChunkReader.Header, path: String
    ) throws(ImageLoadError) -> [UInt8] {
        image.format = qrc_png_format_gray()
        image.flags = 0
        let stride = Int(qrc_png_row_stride(&image))
        guard stride == header.width else {
            throw .decodeFailed(path: path, message: "unexpected row stride \(stride)")
        }
        var buffer = [UInt8](repeating: 255, count: header.width * header.height)
        var white = png_color(red: 255, green: 255, blue: 255)
        let finished = buffer.withUnsafeMutableBytes { out in
            png_image_finish_read(&image, &white, out.baseAddress, png_int_32(stride), nil)
        }
        guard finished != 0 else { throw failure(&image, path: path) }
        return buffer
    }

    /// libpng's simplified API treats 16-bit samples as linear light and would brighten them on the way to
    /// 8-bit sRGB; a screen shows the stored values as they are, so take them linear and scale down ourselves.
    private static func finishSixteenBit(
        _ image: inout png_image, header: PNGChunkReader.Header, path: String
    ) throws(ImageLoadError) -> [UInt8] {
        image.format = qrc_png_format_linear_gray_alpha()
        image.flags = 0
        let stride = Int(qrc_png_row_stride(&image))
        guard stride == header.width * 2 else {
            throw .decodeFailed(path: path, message: "unexpected row stride \(stride)")
        }
        var samples = [UInt16](repeating: 0, count: header.width * header.height * 2)
        let finished = samples.withUnsafeMutableBytes { out in
            png_image_finish_read(&image, nil, out.baseAddress, png_int_32(stride), nil)
        }
        guard finished != 0 else { throw failure(&image, path: path) }
        var buffer = [UInt8](repeating: 255, count: header.width * header.height)
        for i in 0..<buffer.count {
            let value = UInt32(samples[2 * i])
            let alpha = UInt32(samples[2 * i + 1])
            let over = min(65535, value + (65535 - min(alpha, 65535)))
            buffer[i] = UInt8((over * 255 + 32767) / 65535)
        }
        return buffer
    }

    private static func failure(_ image: inout png_image, path: String) -> ImageLoadError {
        let text = message(of: &image)
        if text.contains("EOF") || text.contains("end of") || text.contains("Not enough") {
            return .truncated(path: path, detail: text)
        }
        return .decodeFailed(path: path, message: text)
    }

    private static func message(of image: inout png_image) -> String {
        withUnsafeBytes(of: &image.message) { raw in
            let chars = raw.prefix { $0 != 0 }
            return String(decoding: chars, as: UTF8.self)
        }
    }
}
