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
    /// Inverted copies are written here, kept so each pass does not allocate and fault in a new buffer.
    private var invertBuffer: [UInt8] = []

    public init?() {
        guard let scanner = zbar_image_scanner_create() else { return nil }
        self.scanner = scanner
        zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0)
        zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1)
        zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_BINARY, 1)
    }

    deinit {
        zbar_image_scanner_destroy(scanner)
    }

    /// Every QR symbol in the image, dark-on-light and light-on-dark, duplicates kept,
    /// sorted top-to-bottom then left-to-right.
    ///
    /// Codes are located on a half-resolution copy and read in full-resolution crops around them; when that
    /// finds nothing, the whole image is scanned at full resolution (`scanFullResolution`), so the result is
    /// that of the full-resolution scan at a fraction of its cost (see `TwoStageScan`).
    public func scan(_ image: GrayImage) -> [ScannedSymbol] {
        Self.sorted(twoStage.scan(image))
    }

    /// The same result as `scan`; when the whole image has to be scanned at full resolution, its two passes run
    /// on two threads, each with a scanner of its own (a single `decode`, not a full batch). Nil when a scanner
    /// could not be made.
    public func scanConcurrently(_ image: GrayImage) -> [ScannedSymbol]? {
        if let located = twoStage.locatedScan(image) { return Self.sorted(located) }
        let passes = Mutex<[[ScannedSymbol]?]>([nil, nil])
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            guard let scanner = QRScanner() else { return }
            let found =
                index == 0
                ? scanner.pass(image, polarity: .darkOnLight, density: 1)
                : scanner.pass(image, polarity: .lightOnDark, density: TwoStageScan.density(.lightOnDark))
            passes.withLock { $0[index] = found }
        }
        let results = passes.withLock { $0 }
        guard let normal = results[0], let inverted = results[1] else { return nil }
        return Self.sorted(normal + inverted)
    }

    /// zbar's two passes over the whole image at full resolution, as is and inverted: the reference that `scan`
    /// reproduces, and its fallback.
    ///
    /// zbar's own inverted retry runs only when the first pass finds nothing, so an inverted code
    /// beside a normal one would be missed; a second pass over an inverted copy finds it.
    public func scanFullResolution(_ image: GrayImage) -> [ScannedSymbol] {
        Self.sorted(twoStage.fullResolution(image))
    }

    /// One zbar pass over the whole image as it is (dark on light, every row and column): what a plain camera
    /// reader does with one frame; the scannability ladder's zbar decode of each degraded crop.
    public func readOnce(_ image: GrayImage) -> [ScannedSymbol] {
        pass(image, polarity: .darkOnLight, density: 1)
    }

    /// The codes the half-resolution passes find, corners in full-image coordinates (for the stage profile).
    public func locate(_ image: GrayImage) -> [ScannedSymbol] {
        twoStage.locate(image)
    }

    /// Located codes read in full-resolution crops, sorted; nil when one does not read back (for the stage profile).
    public func read(_ located: [ScannedSymbol], in image: GrayImage) -> [ScannedSymbol]? {
        twoStage.read(located, in: image).map(Self.sorted)
    }

    /// Whether `scan` would locate codes on this image at all rather than go straight to full resolution.
    public func locates(_ image: GrayImage) -> Bool {
        image.pixels.count >= twoStage.minimumPixels
    }

    /// The locate-then-read strategy over this scanner's zbar passes.
    var twoStage: TwoStageScan {
        TwoStageScan(pass: { [unowned self] image, polarity, density in
            self.pass(image, polarity: polarity, density: density)
        })
    }

    /// The same strategy with another size threshold: tests set 0 to locate on small images too.
    func twoStage(minimumPixels: Int) -> TwoStageScan {
        var scan = twoStage
        scan.minimumPixels = minimumPixels
        return scan
    }

    static func sorted(_ symbols: [ScannedSymbol]) -> [ScannedSymbol] {
        symbols.sorted(by: readingOrder)
    }

    /// One zbar pass over the image, inverted first for `lightOnDark`, reading every `density`-th row and column.
    private func pass(_ image: GrayImage, polarity: Polarity, density: Int) -> [ScannedSymbol] {
        guard polarity == .lightOnDark else {
            return image.pixels.withUnsafeBytes {
                pass($0, width: image.width, height: image.height, polarity: polarity, density: density)
            }
        }
        let count = image.pixels.count
        if invertBuffer.count < count { invertBuffer = [UInt8](repeating: 0, count: count) }
        image.pixels.withUnsafeBufferPointer { source in
            invertBuffer.withUnsafeMutableBufferPointer { target in
                for i in 0..<count { target[i] = 255 &- source[i] }
            }
        }
        return invertBuffer.withUnsafeBytes { raw in
            pass(
                UnsafeRawBufferPointer(rebasing: raw[0..<count]), width: image.width, height: image.height,
                polarity: polarity, density: density)
        }
    }

    private func pass(
        _ raw: UnsafeRawBufferPointer, width: Int, height: Int, polarity: Polarity, density: Int
    ) -> [ScannedSymbol] {
        guard let width = UInt32(exactly: width), let height = UInt32(exactly: height),
            let density = Int32(exactly: density), density > 0
        else { return [] }
        zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_X_DENSITY, density)
        zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_Y_DENSITY, density)
        guard let zimage = zbar_image_create() else { return [] }
        defer { zbar_image_destroy(zimage) }
        zbar_image_set_format(zimage, zbar_fourcc_parse("Y800"))
        zbar_image_set_size(zimage, width, height)
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
            data = bytes.withMemoryRebound(to: UInt8.self, capacity: length) {
                Array(UnsafeBufferPointer(start: $0, count: length))
            }
        }
        var corners: [Point] = []
        let count = zbar_symbol_get_loc_size(symbol)
        for i in 0..<count {
            corners.append(
                Point(x: Double(zbar_symbol_get_loc_x(symbol, i)), y: Double(zbar_symbol_get_loc_y(symbol, i))))
        }
        let name = zbar_get_symbol_name(zbar_symbol_get_type(symbol)).map { String(cString: $0) } ?? "QR-Code"
        return ScannedSymbol(symbology: name, data: data, corners: corners, polarity: polarity)
    }

    private static func readingOrder(_ a: ScannedSymbol, _ b: ScannedSymbol) -> Bool {
        let ka = sortKey(a)
        let kb = sortKey(b)
        return ka.y != kb.y ? ka.y < kb.y : ka.x < kb.x
    }

    private static func sortKey(_ s: ScannedSymbol) -> (y: Double, x: Double) {
        (s.corners.map(\.y).min() ?? 0, s.corners.map(\.x).min() ?? 0)
    }
}
