@testable import QRImaging

/// Writes 8-bit RGB PNGs for tests, filtered as asked and deflated as stored blocks, so every filter type is used.
enum StoredPNG {
    /// A PNG of `rgb` (row-major, 3 bytes a pixel); `filterOfRow` picks each row's filter, `rawFilterByte` (when
    /// set) is written as every row's filter byte instead, unfiltered, to make an invalid file.
    static func rgb(
        _ rgb: [UInt8], width: Int, height: Int, filterOfRow: (Int) -> UInt8 = { _ in 0 },
        rawFilterByte: UInt8? = nil, extraChunks: [UInt8] = []
    ) -> [UInt8] {
        let rowBytes = width * 3
        var raw: [UInt8] = []
        raw.reserveCapacity(height * (rowBytes + 1))
        for y in 0..<height {
            let line = Array(rgb[(y * rowBytes)..<((y + 1) * rowBytes)])
            let above =
                y == 0 ? [UInt8](repeating: 0, count: rowBytes) : Array(rgb[((y - 1) * rowBytes)..<(y * rowBytes)])
            if let rawFilterByte {
                raw.append(rawFilterByte)
                raw += line
                continue
            }
            let filter = filterOfRow(y)
            raw.append(filter)
            for i in 0..<rowBytes {
                let a = i >= 3 ? line[i - 3] : 0
                let b = above[i]
                let c = i >= 3 ? above[i - 3] : 0
                let predicted: UInt8 =
                    switch filter {
                    case 1: a
                    case 2: b
                    case 3: UInt8((Int(a) + Int(b)) / 2)
                    case 4: PNGDirectDecoder.paeth(left: a, up: b, upLeft: c)
                    default: 0
                    }
                raw.append(line[i] &- predicted)
            }
        }
        let header: [UInt8] = be32(width) + be32(height) + [8, 2, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + extraChunks
            + chunk("IDAT", zlibStored(raw)) + chunk("IEND", [])
    }

    static func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + body
        return be32(body.count) + typed + be32(Int(CRC32.checksum(typed[...])))
    }

    /// A zlib stream of stored (uncompressed) deflate blocks.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65_535, data.count - offset)
            let last: UInt8 = offset + count == data.count ? 1 : 0
            out += [last, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            out += data[offset..<(offset + count)]
            offset += count
        } while offset < data.count
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return out + be32(Int(b << 16 | a))
    }

    static func be32(_ value: Int) -> [UInt8] {
        [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
