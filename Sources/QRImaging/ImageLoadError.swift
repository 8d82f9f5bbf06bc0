import QRSymbol

/// Why an image file could not be turned into a `GrayImage`; each case names the file.
public enum ImageLoadError: HarnessError, Sendable, Equatable {
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

    public var errorCode: String { code }
    public var file: String { path }

    public var cause: String {
        switch self {
        case .unreadable(_, let reason): "cannot read the file: \(reason)"
        case .fileTooLarge(_, let bytes, let limit): "file is \(bytes) bytes, over the limit of \(limit) bytes"
        case .notPNG(_, nil): "not a PNG file (the PNG signature is missing)"
        case .notPNG(_, let format?):
            "this is a \(format) image, not a PNG; screenshots must be lossless PNG files (do not convert or rename)"
        case .truncated(_, let detail): "truncated PNG: \(detail)"
        case .badCRC(_, let chunk): "corrupt PNG: CRC mismatch in the \(chunk) chunk"
        case .malformed(_, let detail): "malformed PNG: \(detail)"
        case .tooManyPixels(_, let w, let h, let limit):
            "image is \(w)×\(h) pixels, over the limit of \(limit) pixels (refused before decoding)"
        case .decodeFailed(_, let message): "libpng could not decode the image: \(message)"
        }
    }

    public var description: String { "\(path): \(cause)" }
}
