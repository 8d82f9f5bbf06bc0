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
    }

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
            switch type {
            case "IHDR":
                guard header == nil, offset == 8, length == 13 else { throw .malformed("IHDR is missing or misplaced") }
                let width = Int(be32(bytes, bodyStart))
                let height = Int(be32(bytes, bodyStart + 4))
                guard width > 0, height > 0 else { throw .malformed("IHDR declares a zero width or height") }
                header = Header(width: width, height: height, bitDepth: Int(bytes[bodyStart + 8]), pixelsPerInch: nil)
            case "pHYs":
                if length == 9, body[body.startIndex + 8] == 1 {
                    let x = Double(be32(bytes, bodyStart))
                    let y = Double(be32(bytes, bodyStart + 4))
                    if x > 0, x == y { header?.pixelsPerInch = x * 0.0254 }
                }
            case "IDAT":
                sawIDAT = true
            case "IEND":
                guard let header else { throw .malformed("no IHDR chunk") }
                guard sawIDAT else { throw .malformed("no IDAT chunk") }
                return header
            default:
                break
            }
            guard header != nil else { throw .malformed("the first chunk is \(type), not IHDR") }
            offset = bodyStart + length + 4
        }
    }

    private static func be32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }
}
