import QRErrors

/// Why an image file could not be turned into a `GrayImage`; each error names the file.
public typealias ImageLoadError = QRError

extension QRError.Domain {
    /// Image files: reading, the PNG container and decoding.
    public static let image = Self("image")
}

extension QRError.Code {
    public static let fileUnreadable = Self("file-unreadable")
    public static let fileTooLarge = Self("file-too-large")
    public static let notPNG = Self("not-png")
    public static let pngTruncated = Self("png-truncated")
    public static let pngBadCRC = Self("png-bad-crc")
    public static let pngMalformed = Self("png-malformed")
    public static let imageTooLarge = Self("image-too-large")
    public static let pngDecodeFailed = Self("png-decode-failed")
}

/// Image errors by what went wrong, each with its code and the cause as reports and stderr print it.
extension QRError {
    public static func unreadable(path: String, reason: String) -> Self {
        image(.fileUnreadable, path, "cannot read the file: \(reason)")
    }

    public static func fileTooLarge(path: String, bytes: Int, limit: Int) -> Self {
        image(.fileTooLarge, path, "file is \(bytes) bytes, over the limit of \(limit) bytes")
    }

    /// `format` names what the file is instead, when its signature says (JPEG, GIF, WebP, ...).
    public static func notPNG(path: String, format: String?) -> Self {
        guard let format else { return image(.notPNG, path, "not a PNG file (the PNG signature is missing)") }
        return image(
            .notPNG, path,
            "this is a \(format) image, not a PNG; screenshots must be lossless PNG files (do not convert or rename)")
    }

    public static func truncated(path: String, detail: String) -> Self {
        image(.pngTruncated, path, "truncated PNG: \(detail)")
    }

    public static func badCRC(path: String, chunk: String) -> Self {
        image(.pngBadCRC, path, "corrupt PNG: CRC mismatch in the \(chunk) chunk")
    }

    public static func malformed(path: String, detail: String) -> Self {
        image(.pngMalformed, path, "malformed PNG: \(detail)")
    }

    public static func tooManyPixels(path: String, width: Int, height: Int, limit: Int) -> Self {
        image(
            .imageTooLarge, path,
            "image is \(width)×\(height) pixels, over the limit of \(limit) pixels (refused before decoding)")
    }

    public static func decodeFailed(path: String, message: String) -> Self {
        image(.pngDecodeFailed, path, "libpng could not decode the image: \(message)")
    }

    private static func image(_ code: Code, _ path: String, _ cause: String) -> Self {
        Self(.image, code: code, file: path, cause: cause)
    }
}
