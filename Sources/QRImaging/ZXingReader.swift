internal import CZXingShim
import QRSymbol

/// zxing-cpp (1.4, through the C shim of `CZXingShim`) reading QR codes: the scannability ladder's second decoder,
/// independent of zbar, so a rung passes only when two unrelated implementations read the exact bytes.
///
/// A value type: the shim keeps no state between calls, so one reader may be used from any task.
public struct ZXingReader: Sendable {
    /// zxing-cpp's `tryHarder` (its default, and what its Python binding always uses, so a reimplementation of
    /// the ladder reads as the suite does). Rotated and downscaled retries are never made.
    public var tryHarder: Bool

    public init(tryHarder: Bool = true) {
        self.tryHarder = tryHarder
    }

    /// The QR codes zxing-cpp reads in the image, at most `capacity`; empty when it reads none or fails.
    public func read(_ image: GrayImage, capacity: Int = 4) -> [ZXingSymbol] {
        guard capacity > 0, let width = Int32(exactly: image.width), let height = Int32(exactly: image.height),
            let limit = Int32(exactly: min(capacity, 255))
        else { return [] }
        var out = [qrc_zxing_symbol](repeating: qrc_zxing_symbol(), count: Int(limit))
        let count = image.pixels.withUnsafeBufferPointer { pixels in
            out.withUnsafeMutableBufferPointer { symbols in
                qrc_zxing_decode(
                    pixels.baseAddress, width, height, width, tryHarder ? 1 : 0, symbols.baseAddress, limit)
            }
        }
        guard count > 0 else { return [] }
        defer { qrc_zxing_free(&out, count) }
        return out.prefix(Int(count)).map(ZXingSymbol.init)
    }
}

/// One QR code as zxing-cpp read it: the exact bytes, the error correction level it reported, and its corners.
public struct ZXingSymbol: Sendable, Equatable, Codable {
    public let data: [UInt8]
    /// Nil when zxing-cpp did not report a level it could name.
    public let ecLevel: ErrorCorrectionLevel?
    /// Corners top-left, top-right, bottom-right, bottom-left in image pixels.
    public let corners: [Point]

    init(_ symbol: qrc_zxing_symbol) {
        if let bytes = symbol.bytes, symbol.length > 0 {
            data = Array(UnsafeBufferPointer(start: bytes, count: symbol.length))
        } else {
            data = []
        }
        let letter = UInt8(bitPattern: symbol.ec_level)
        ecLevel = letter == 0 ? nil : ErrorCorrectionLevel(rawValue: String(UnicodeScalar(letter)))
        let c = symbol.corners
        corners = [(c.0, c.1), (c.2, c.3), (c.4, c.5), (c.6, c.7)].map { Point(x: Double($0.0), y: Double($0.1)) }
    }
}
