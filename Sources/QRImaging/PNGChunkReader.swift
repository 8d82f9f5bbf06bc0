/// Walks a PNG's chunk list without decoding pixels: signature, IHDR, pHYs, every chunk's CRC, and IEND.
///
/// libpng's simplified API neither exposes pHYs nor reports ancillary-chunk CRC errors, and the size limit
/// must be checked from the header before libpng allocates anything, so this pass runs first.
struct PNGChunkReader {
    struct Header: Equatable {
        var width: Int
        var height: Int
        var bitDepth: Int
        var pixelsPerInch: Double?
        /// IHDR's colour type (0 gray, 2 RGB, 3 palette, 4 gray and alpha, 6 RGBA).
        var colourType = 0
        /// Whether IHDR's compression, filter and interlace methods are all 0 (deflate, adaptive, none).
        var plainMethods = false
        /// The byte ranges of the IDAT chunks' bodies, in file order.
        var imageData: [Range<Int>] = []
        /// Whether every chunk is one that leaves the colours as stored (`neutralChunkTypes`) and the
        /// IDAT chunks follow each other, as the PNG specification requires.
        var neutralChunks = true
    }

    /// Chunks that change nothing in how libpng turns samples into gray levels: no gamma, chromaticities, colour
    /// profile, palette, transparency or significant bits.
    static let neutralChunkTypes: Set<String> = ["IHDR", "IDAT", "IEND", "pHYs", "tEXt", "zTXt", "iTXt", "tIME"]

    enum Problem: Error, Equatable {
        case notPNG
        case truncated(String)
        case badCRC(String)
        case malformed(String)
    }

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func read(_ bytes: [UInt8]) throws(Problem) -> Header {
        guard bytes.count >= 8, Array(bytes[0..<8]) == signature else { throw .notPNG }
        var offset = 8
        var header: Header?
        var sawIDAT = false
        var compressed = 0
        var imageDataLimit = Int.max
        var previousType = ""
        while true {
            guard bytes.count - offset >= 12 else {
                throw .truncated("the file ends after \(bytes.count) bytes, before the IEND chunk")
            }
            let length = Int(be32(bytes, offset))
            let typeBytes = Array(bytes[(offset + 4)..<(offset + 8)])
            let type = String(decoding: typeBytes, as: UTF8.self)
            guard typeBytes.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }) else {
                throw .malformed("invalid chunk type at byte \(offset + 4)")
            }
            guard length <= Int(Int32.max), bytes.count - offset - 12 >= length else {
                throw .truncated("the \(type) chunk at byte \(offset) declares \(length) bytes but the file ends first")
            }
            let bodyStart = offset + 8
            let stored = be32(bytes, bodyStart + length)
            let computed = CRC32.checksum(bytes[(offset + 4)..<(bodyStart + length)])
            guard stored == computed else { throw .badCRC(type) }
            let body = bytes[bodyStart..<(bodyStart + length)]
            if !neutralChunkTypes.contains(type) || (type == "IDAT" && sawIDAT && previousType != "IDAT") {
                header?.neutralChunks = false
            }
            switch type {
            case "IHDR":
                guard header == nil, offset == 8, length == 13 else { throw .malformed("IHDR is missing or misplaced") }
                let width = Int(be32(bytes, bodyStart))
                let height = Int(be32(bytes, bodyStart + 4))
                guard width > 0, height > 0 else { throw .malformed("IHDR declares a zero width or height") }
                header = Header(
                    width: width, height: height, bitDepth: Int(bytes[bodyStart + 8]), pixelsPerInch: nil,
                    colourType: Int(bytes[bodyStart + 9]),
                    plainMethods: bytes[bodyStart + 10] == 0 && bytes[bodyStart + 11] == 0 && bytes[bodyStart + 12] == 0
                )
                imageDataLimit = compressedLimit(
                    width: width, height: height, bitDepth: Int(bytes[bodyStart + 8]),
                    colourType: Int(bytes[bodyStart + 9]), interlaced: bytes[bodyStart + 12] != 0)
            case "pHYs":
                if length == 9, body[body.startIndex + 8] == 1 {
                    let x = Double(be32(bytes, bodyStart))
                    let y = Double(be32(bytes, bodyStart + 4))
                    if x > 0, x == y { header?.pixelsPerInch = x * 0.0254 }
                }
            case "IDAT":
                sawIDAT = true
                header?.imageData.append(bodyStart..<(bodyStart + length))
                compressed += length
                guard compressed <= imageDataLimit else {
                    throw .malformed(
                        "the IDAT chunks hold more than \(imageDataLimit) bytes, more than any encoder needs for "
                            + "\(header?.width ?? 0)×\(header?.height ?? 0) pixels: data past the image (a decompression bomb?)"
                    )
                }
            case "IEND":
                guard let header else { throw .malformed("no IHDR chunk") }
                guard sawIDAT else { throw .malformed("no IDAT chunk") }
                return header
            default:
                break
            }
            guard header != nil else { throw .malformed("the first chunk is \(type), not IHDR") }
            previousType = type
            offset = bodyStart + length + 4
        }
    }

    /// The most compressed image data a real encoder writes for the image: its filtered rows (each with a filter
    /// byte; interlacing adds up to 7 passes of them), expanded by 1/8 (fixed-Huffman deflate of incompressible
    /// bytes), plus 64 KiB. Anything past it is data libpng would inflate and throw away, for minutes in a bomb.
    static func compressedLimit(width: Int, height: Int, bitDepth: Int, colourType: Int, interlaced: Bool) -> Int {
        let channels = [0: 1, 2: 3, 3: 1, 4: 2, 6: 4][colourType] ?? 4
        let rowBits = width.multipliedReportingOverflow(by: channels * max(1, min(bitDepth, 16)))
        guard !rowBits.overflow else { return Int.max }
        let rows = interlaced ? height + 7 * 8 : height
        let filtered = ((rowBits.partialValue + 7) / 8 + 1 + (interlaced ? 7 : 0)).multipliedReportingOverflow(by: rows)
        guard !filtered.overflow, filtered.partialValue <= Int.max / 2 else { return Int.max }
        return filtered.partialValue + filtered.partialValue / 8 + 65_536
    }

    private static func be32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }
}
