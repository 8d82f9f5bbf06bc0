internal import CZBar
import Dispatch
import Synchronization
import QRSymbol

/// A zbar image scanner configured for QR only, in binary mode; owns its C handle.
///
/// Not `Sendable`: zbar scanners keep internal state and must not be shared across threads,
/// so each task makes its own.
public final class QRScanner {
    private let scanner: OpaquePointer
    /// The inverted copy of the last image, kept so each image does not allocate and fault in a new one.
    private var invertBuffer: [UInt8] = []

    public init?() {
        guard let scanner = zbar_image_scanner_create() else { return nil }
        self.scanner = scanner
        zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0)
        zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1)
        zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_BINARY, 1)
    }

    /// Scan every 2nd row and column in the inverted pass: half of zbar's cost, and a finder pattern (7 modules)
    /// is still crossed by several lines down to 1-px modules (tested on the light-on-dark vectors).
    static let invertedPassDensity: Int32 = 2

    deinit {
        zbar_image_scanner_destroy(scanner)
    }

    /// Every QR symbol in the image, dark-on-light and light-on-dark, duplicates kept,
    /// sorted top-to-bottom then left-to-right.
    ///
    /// zbar's own inverted retry runs only when the first pass finds nothing, so an inverted code
    /// beside a normal one would be missed; a second pass over an inverted copy finds it.
    public func scan(_ image: GrayImage) -> [ScannedSymbol] {
        let normal = scanPass(image, polarity: .darkOnLight)
        if invertBuffer.count != image.pixels.count { invertBuffer = [UInt8](repeating: 0, count: image.pixels.count) }
        image.pixels.withUnsafeBufferPointer { source in
            invertBuffer.withUnsafeMutableBufferPointer { target in
                for i in 0..<source.count { target[i] = 255 &- source[i] }
            }
        }
        let inverted = invertBuffer.withUnsafeBytes { scanPass($0, width: image.width, height: image.height, polarity: .lightOnDark) }
        return Self.merge(normal, inverted)
    }

    /// The same result as `scan`, with the two passes on two threads, each with a scanner of its own;
    /// halves the wall time of one image when cores are idle (a single `decode`, not a full batch).
    public static func scanConcurrently(_ image: GrayImage) -> [ScannedSymbol]? {
        let passes = Mutex<[[ScannedSymbol]?]>([nil, nil])
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            guard let scanner = QRScanner() else { return }
            let found = index == 0
                ? scanner.scanPass(image, polarity: .darkOnLight)
                : scanner.scanPass(image.inverted(), polarity: .lightOnDark)
            passes.withLock { $0[index] = found }
        }
        let results = passes.withLock { $0 }
        guard let normal = results[0], let inverted = results[1] else { return nil }
        return merge(normal, inverted)
    }

    private static func merge(_ normal: [ScannedSymbol], _ inverted: [ScannedSymbol]) -> [ScannedSymbol] {
        (normal + inverted).sorted(by: readingOrder)
    }

    private func scanPass(_ image: GrayImage, polarity: Polarity) -> [ScannedSymbol] {
        image.pixels.withUnsafeBytes { scanPass($0, width: image.width, height: image.height, polarity: polarity) }
    }

    private func scanPass(_ raw: UnsafeRawBufferPointer, width: Int, height: Int, polarity: Polarity) -> [ScannedSymbol] {
        let density: Int32 = polarity == .darkOnLight ? 1 : Self.invertedPassDensity
        zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_X_DENSITY, density)
        zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_Y_DENSITY, density)
        guard let zimage = zbar_image_create() else { return [] }
        defer { zbar_image_destroy(zimage) }
        zbar_image_set_format(zimage, zbar_fourcc_parse("Y800"))
        zbar_image_set_size(zimage, UInt32(width), UInt32(height))
        zbar_image_set_data(zimage, raw.baseAddress, UInt(raw.count), nil)
        defer { zbar_image_set_data(zimage, nil, 0, nil) }
        guard zbar_scan_image(scanner, zimage) > 0 else { return [] }
        var symbols: [ScannedSymbol] = []
        var symbol = zbar_image_first_symbol(zimage)
        while let current = symbol {
            symbols.append(Self.copy(current, polarity: polarity))
            symbol = zbar_symbol_next(current)
        }
        return symbols
    }

    private static func copy(_ symbol: OpaquePointer, polarity: Polarity) -> ScannedSymbol {
        let length = Int(zbar_symbol_get_data_length(symbol))
        var data: [UInt8] = []
        if length > 0, let bytes = zbar_symbol_get_data(symbol) {
            data = bytes.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
        }
        var corners: [Point] = []
        let count = zbar_symbol_get_loc_size(symbol)
        for i in 0..<count {
            corners.append(Point(x: Double(zbar_symbol_get_loc_x(symbol, i)), y: Double(zbar_symbol_get_loc_y(symbol, i))))
        }
        let name = zbar_get_symbol_name(zbar_symbol_get_type(symbol)).map { String(cString: $0) } ?? "QR-Code"
        return ScannedSymbol(symbology: name, data: data, corners: corners, polarity: polarity)
    }

    private static func readingOrder(_ a: ScannedSymbol, _ b: ScannedSymbol) -> Bool {
        let ka = sortKey(a), kb = sortKey(b)
        return ka.y != kb.y ? ka.y < kb.y : ka.x < kb.x
    }

    private static func sortKey(_ s: ScannedSymbol) -> (y: Double, x: Double) {
        (s.corners.map(\.y).min() ?? 0, s.corners.map(\.x).min() ?? 0)
    }
}
