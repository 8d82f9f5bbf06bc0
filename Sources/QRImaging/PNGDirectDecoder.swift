import Foundation

/// Decodes the PNGs screenshots mostly are, 8-bit gray or RGB with no chunk that changes their colours, to the
/// same gray levels as libpng's simplified API, several times faster; nil hands the file to libpng.
///
/// libpng inflates with zlib, which copies the long runs of flat UI colour one byte at a time: that was most of
/// the time of reading a screenshot. Here libdeflate inflates, the rows are unfiltered in place, and RGB becomes
/// gray with libpng's own arithmetic (`Luma`). Anything unusual (another format, a damaged or short stream, an
/// unknown filter) returns nil, so libpng reads it and reports what is wrong exactly as before.
enum PNGDirectDecoder {
    /// The image's gray levels, row by row, or nil when libpng should read the file.
    static func pixels(_ bytes: [UInt8], header: PNGChunkReader.Header) -> [UInt8]? {
        guard header.bitDepth == 8, header.plainMethods, header.neutralChunks, !header.imageData.isEmpty,
            let channels = [0: 1, 2: 3][header.colourType]
        else { return nil }
        let (rowBytes, wide) = header.width.multipliedReportingOverflow(by: channels)
        let (size, large) = (rowBytes + 1).multipliedReportingOverflow(by: header.height)
        guard !wide, !large, let decompressor = DeflateDecompressor() else { return nil }
        let inflated: [UInt8]?
        if header.imageData.count == 1, let range = header.imageData.first {
            inflated = bytes.withUnsafeBytes { decompressor.zlibDecompress(.init(rebasing: $0[range]), size: size) }
        } else {
            var joined: [UInt8] = []
            joined.reserveCapacity(header.imageData.reduce(0) { $0 + $1.count })
            for range in header.imageData { joined += bytes[range] }
            inflated = joined.withUnsafeBytes { decompressor.zlibDecompress($0, size: size) }
        }
        guard var rows = inflated,
            unfilter(&rows, rowBytes: rowBytes, height: header.height, bytesPerPixel: channels)
        else { return nil }
        return channels == 1
            ? samples(rows, width: header.width, height: header.height)
            : Luma.gray(ofRGBRows: rows, width: header.width, height: header.height)
    }

    /// Undoes PNG's per-row filters in place (each row is its filter byte, then `rowBytes` bytes); false on a
    /// filter type other than the five the specification defines.
    static func unfilter(_ rows: inout [UInt8], rowBytes: Int, height: Int, bytesPerPixel bpp: Int) -> Bool {
        let zero = [UInt8](repeating: 0, count: rowBytes)
        return rows.withUnsafeMutableBufferPointer { buffer -> Bool in
            zero.withUnsafeBufferPointer { zeroRow -> Bool in
                guard let base = buffer.baseAddress, let zeroBase = zeroRow.baseAddress else { return rowBytes == 0 }
                for y in 0..<height {
                    let row = base + y * (rowBytes + 1)
                    let line = row + 1
                    let above = y == 0 ? zeroBase : UnsafePointer(row - rowBytes)
                    switch row.pointee {
                    case 0: break
                    case 1: for i in bpp..<max(bpp, rowBytes) { line[i] &+= line[i - bpp] }
                    case 2: for i in 0..<rowBytes { line[i] &+= above[i] }
                    case 3:
                        for i in 0..<min(bpp, rowBytes) { line[i] &+= above[i] >> 1 }
                        for i in bpp..<max(bpp, rowBytes) {
                            line[i] &+= UInt8((UInt16(line[i - bpp]) + UInt16(above[i])) >> 1)
                        }
                    case 4:
                        for i in 0..<min(bpp, rowBytes) { line[i] &+= above[i] }
                        for i in bpp..<max(bpp, rowBytes) {
                            line[i] &+= paeth(left: line[i - bpp], up: above[i], upLeft: above[i - bpp])
                        }
                    default: return false
                    }
                }
                return true
            }
        }
    }

    /// The PNG specification's Paeth predictor: whichever of left, up and upper-left is nearest to left + up − upper-left.
    @inline(__always)
    static func paeth(left: UInt8, up: UInt8, upLeft: UInt8) -> UInt8 {
        let a = Int(left)
        let b = Int(up)
        let c = Int(upLeft)
        let pa = abs(b - c)
        let pb = abs(a - c)
        let pc = abs(a + b - 2 * c)
        if pa <= pb && pa <= pc { return left }
        return pb <= pc ? up : upLeft
    }

    /// One-channel rows without their filter bytes.
    private static func samples(_ rows: [UInt8], width: Int, height: Int) -> [UInt8] {
        var pixels: [UInt8] = []
        pixels.reserveCapacity(width * height)
        for y in 0..<height {
            let start = y * (width + 1) + 1
            pixels += rows[start..<(start + width)]
        }
        return pixels
    }
}
