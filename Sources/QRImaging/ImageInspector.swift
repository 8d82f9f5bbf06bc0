import QRSymbol

/// Runs the C-facing part of the pipeline on one decoded image: zbar symbols → measurements and codewords.
///
/// Owns one zbar scanner, so it is not `Sendable`: give each worker its own inspector.
public final class ImageInspector {
    private let scanner: QRScanner
    public let limits: ImageLimits
    /// When an image has to be scanned whole at full resolution, run zbar's normal and inverted passes on two
    /// threads; right for one image at a time, wasteful in a batch that already keeps every core busy.
    public let concurrentPasses: Bool

    public init(limits: ImageLimits = .default, concurrentPasses: Bool = false) throws(InspectorError) {
        guard let scanner = QRScanner() else { throw .scannerUnavailable }
        self.scanner = scanner
        self.limits = limits
        self.concurrentPasses = concurrentPasses
    }

    /// Inspects an already decoded image.
    public func inspect(image: GrayImage) -> InspectedImage {
        let scanned = concurrentPasses ? scanner.scanConcurrently(image) ?? scanner.scan(image) : scanner.scan(image)
        let symbols = scanned.map { InspectedSymbol.reading($0, in: image) }
        return InspectedImage(
            width: image.width, height: image.height, pixelsPerInch: image.pixelsPerInch, symbols: symbols)
    }
}

/// The harness could not set up its decoder.
public enum InspectorError: Error, Sendable, CustomStringConvertible {
    case scannerUnavailable

    public var description: String { "zbar could not create an image scanner (out of memory?)" }
}
