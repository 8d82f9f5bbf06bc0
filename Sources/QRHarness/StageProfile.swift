import Foundation
import QRConformance
import QRImaging
import QRSymbol

/// Times each stage inside the pipeline's `prepare` separately (PNG decoding, zbar's locate and read passes,
/// measurement, codewords) beside zbar's whole-image scan, for the benchmark script (never for tests): a stopwatch
/// around the stages, not a second pipeline.
public struct StageProfile: Sendable {
    public var images = 0
    public var symbols = 0
    public var pngDecode: Duration = .zero
    /// Downscaling and zbar's two passes at half resolution.
    public var locate: Duration = .zero
    /// zbar on the full-resolution crops around the located codes.
    public var read: Duration = .zero
    /// zbar's two passes over the whole full-resolution image, for images where locating found nothing.
    public var fullScan: Duration = .zero
    public var fullScans = 0
    public var measurement: Duration = .zero
    public var codewords: Duration = .zero
    public var ocr: Duration = .zero
    /// zbar's two passes over every whole image at full resolution, the scan before codes were located first:
    /// the reference the two-stage scan must reproduce, timed side by side with it.
    public var reference: Duration = .zero
    public var referenceSymbols = 0
    /// Images where the two-stage scan's symbols differ from the reference's (bytes, corners or polarity).
    public var differing: [String] = []
    public var ocrImages = 0

    public init() {}

    /// Runs the PNG decoder, zbar (locating at half resolution, reading in full-resolution crops, or both passes
    /// over the whole image when locating finds nothing; one thread), measurement and codeword reading on one file,
    /// and OCR of the screen text when a recognizer is given.
    public mutating func add(path: String, scanner: QRScanner, recognizer: TextRecognizer? = nil) throws(ImageLoadError)
    {
        let clock = ContinuousClock()
        let bytes = try ImageFile.readBytes(path: path)
        var decoded: Result<GrayImage, ImageLoadError>?
        pngDecode += clock.measure {
            decoded = Result { () throws(ImageLoadError) -> GrayImage in try PNGDecoder.decode(bytes, path: path) }
        }
        guard let decoded else { return }
        let image = try decoded.get()
        var scanned: [ScannedSymbol] = []
        var located: [ScannedSymbol] = []
        var read: [ScannedSymbol]?
        if scanner.locates(image) {
            locate += clock.measure { located = scanner.locate(image) }
            if !located.isEmpty { self.read += clock.measure { read = scanner.read(located, in: image) } }
        }
        if let read {
            scanned = read
        } else {
            fullScan += clock.measure { scanned = scanner.scanFullResolution(image) }
            fullScans += 1
        }
        for symbol in scanned {
            var measured: Result<SymbolMeasurement, MeasurementFailure>?
            measurement += clock.measure {
                measured = SymbolMeasurer.measure(image: image, corners: symbol.corners, polarity: symbol.polarity)
            }
            if case .success(let m) = measured, let ec = m.ecLevel, let mask = m.mask {
                codewords += clock.measure { _ = CodewordReader.read(matrix: m.modules, ecLevel: ec, mask: mask) }
            }
        }
        images += 1
        symbols += scanned.count
        var full: [ScannedSymbol] = []
        reference += clock.measure { full = scanner.scanFullResolution(image) }
        referenceSymbols += full.count
        if full != scanned { differing.append(path) }
        if let recognizer {
            ocr += clock.measure { _ = recognizer.recognize(image, blanking: scanned.map(\.corners)) }
            ocrImages += 1
        }
    }

    /// Milliseconds per image (decode, scan) and per symbol (measurement, codewords), one line each.
    public var summary: String {
        func ms(_ d: Duration, _ n: Int) -> String {
            let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
            return String(format: "%8.2f", n > 0 ? seconds * 1000 / Double(n) : 0)
        }
        return """
            stage (release build, one thread)                     ms
            PNG decode (libdeflate or libpng), per image    \(ms(pngDecode, images))
            zbar at half resolution (locate), per image     \(ms(locate, images))
            zbar on full-resolution crops (read), per image \(ms(read, images))
            zbar full-resolution passes, per image scanned  \(ms(fullScan, fullScans))
            zbar in all, per image                          \(ms(locate + read + fullScan, images))
            symbol measurement, per symbol                  \(ms(measurement, symbols))
            codeword reading (RS, segments), per symbol     \(ms(codewords, symbols))
            OCR of the screen text (tesseract), per image   \(ocrImages > 0 ? ms(ocr, ocrImages) : "     n/a")
            (\(images) images, \(symbols) symbols, \(fullScans) images scanned whole at full resolution)
            reference: zbar's 2 full-resolution passes on every image \(ms(reference, images)) ms per image, \
            \(referenceSymbols) symbols; images where the two-stage scan differs: \(differing.count)\
            \(differing.isEmpty ? "" : " (" + differing.prefix(5).joined(separator: ", ") + ")")
            """
    }
}

extension StageProfile {
    /// Profiles every image, in order; an image that cannot be read is passed to `warn` and left out.
    public static func run(_ paths: [String], ocr: Bool, warn: (String) -> Void) throws -> StageProfile {
        guard let scanner = QRScanner() else { throw InspectorError.scannerUnavailable }
        let recognizer = ocr ? try TextRecognizer() : nil
        var profile = StageProfile()
        for path in paths {
            do {
                try profile.add(path: path, scanner: scanner, recognizer: recognizer)
            } catch {
                warn(error.description)
            }
        }
        return profile
    }

    /// The words the pipeline's screen-text stage reads on each image, by line, unmasked, with confidence and height:
    /// `== path`, then one line per text line (test screens only: the caller must have been asked to reveal personal
    /// data).
    public static func words(_ paths: [String], emit: (String) throws -> Void) throws {
        let pipeline = try ImagePipeline()
        for path in paths {
            let prepared = try pipeline.prepare(.file(path: path)).get()
            try emit("== \(path)")
            guard let reading = pipeline.screenText(prepared).value else { continue }
            for line in ScreenText(words: reading.words).lines {
                try emit(
                    line.words.map {
                        "\($0.text)(\(Int($0.confidence)),h\($0.box.bottom - $0.box.top),x\($0.box.left)-\($0.box.right),"
                            + "y\($0.box.top),g\($0.glyphs.map(String.init) ?? "-"))"
                    }.joined(separator: " "))
            }
            for (index, region) in reading.regions.enumerated() {
                try emit(
                    "line \(index + 1): x \(region.box.left)-\(region.box.right) y \(region.box.top)-\(region.box.bottom), "
                        + "\(region.glyphs.count) glyphs: "
                        + region.glyphs.map { "\($0.left)+\($0.width)x\($0.height)" }.joined(separator: " "))
            }
        }
    }
}
