import QRSymbol

/// Runs the C-facing part of the pipeline on one image: PNG bytes → gray image → zbar symbols → measurements.
///
/// Owns one zbar scanner, so it is not `Sendable`: give each worker its own inspector.
public final class ImageInspector {
    private let scanner: QRScanner
    public let limits: ImageLimits

    public init(limits: ImageLimits = .default) throws(InspectorError) {
        guard let scanner = QRScanner() else { throw .scannerUnavailable }
        self.scanner = scanner
        self.limits = limits
    }

    /// Decodes and inspects an image held in memory; `path` only names it in errors.
    public func inspect(bytes: [UInt8], path: String) throws(ImageError) -> InspectedImage {
        let image = try PNGDecoder.decode(bytes, path: path, limits: limits)
        return inspect(image: image)
    }

    /// Inspects an already decoded image.
    public func inspect(image: GrayImage) -> InspectedImage {
        let symbols = scanner.scan(image).map { InspectedSymbol(scanned: $0) }
        return InspectedImage(width: image.width, height: image.height, pixelsPerInch: image.pixelsPerInch, symbols: symbols)
    }
}

/// The harness could not set up its decoder.
public enum InspectorError: Error, Sendable, CustomStringConvertible {
    case scannerUnavailable

    public var description: String { "zbar could not create an image scanner (out of memory?)" }
}
