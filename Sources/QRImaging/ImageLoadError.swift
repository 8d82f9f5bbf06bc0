/// Why an image file could not be turned into a `GrayImage`; each case names the file.
public enum ImageLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case fileTooLarge(path: String, bytes: Int, limit: Int)
    /// `format` names what the file is instead, when its signature says (JPEG, GIF, WebP, ...).
    case notPNG(path: String, format: String?)
    case truncated(path: String, detail: String)
    case badCRC(path: String, chunk: String)
    case malformed(path: String, detail: String)
    case tooManyPixels(path: String, width: Int, height: Int, limit: Int)
    case decodeFailed(path: String, message: String)

    /// A stable machine-readable code for reports.
    public var code: String {
        switch self {
        case .unreadable: "file-unreadable"
        case .fileTooLarge: "file-too-large"
        case .notPNG: "not-png"
        case .truncated: "png-truncated"
        case .badCRC: "png-bad-crc"
        case .malformed: "png-malformed"
        case .tooManyPixels: "image-too-large"
        case .decodeFailed: "png-decode-failed"
        }
    }

    public var path: String {
        switch self {
        case .unreadable(let p, _), .fileTooLarge(let p, _, _), .notPNG(let p, _), .truncated(let p, _),
            .badCRC(let p, _), .malformed(let p, _), .tooManyPixels(let p, _, _, _), .decodeFailed(let p, _):
            p
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let p, let reason): "\(p): cannot read the file: \(reason)"
        case .fileTooLarge(let p, let bytes, let limit): "\(p): file is \(bytes) bytes, over the limit of \(limit) bytes"
        case .notPNG(let p, nil): "\(p): not a PNG file (the PNG signature is missing)"
        case .notPNG(let p, let format?):
            "\(p): this is a \(format) image, not a PNG; screenshots must be lossless PNG files (do not convert or rename)"
        case .truncated(let p, let detail): "\(p): truncated PNG: \(detail)"
        case .badCRC(let p, let chunk): "\(p): corrupt PNG: CRC mismatch in the \(chunk) chunk"
        case .malformed(let p, let detail): "\(p): malformed PNG: \(detail)"
        case .tooManyPixels(let p, let w, let h, let limit):
            "\(p): image is \(w)×\(h) pixels, over the limit of \(limit) pixels (refused before decoding)"
        case .decodeFailed(let p, let message): "\(p): libpng could not decode the image: \(message)"
        }
    }
}
