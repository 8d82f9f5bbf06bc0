import QRSymbol

/// Builds module matrices from a data bit stream with our own RS encoder and placement, for streams
/// segno cannot make (FNC1, malformed headers, odd padding). Function patterns are left light: the codeword
/// reader never looks at them.
struct CodewordBitWriter {
    private(set) var bits: [Bool] = []

    mutating func append(_ value: Int, _ count: Int) {
        for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
    }

    /// Packs into `capacity` data codewords; no terminator or padding is added, unused bits stay zero
    /// unless `pad` is set, which fills whole spare codewords with 0xEC, 0x11, …
    func codewords(capacity: Int, pad: Bool) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: capacity)
        for (index, bit) in bits.enumerated() where bit && index < capacity * 8 {
            bytes[index >> 3] |= 0x80 >> UInt8(index & 7)
        }
        if pad {
            let used = (bits.count + 7) / 8
            for index in used..<max(used, capacity) { bytes[index] = (index - used) % 2 == 0 ? 0xEC : 0x11 }
        }
        return bytes
    }
}

enum SymbolBuilder {
    /// A matrix whose data codewords are `data` (exactly the symbol's data capacity), masked with `mask`.
    static func matrix(data: [UInt8], version: Int, ecLevel: ErrorCorrectionLevel, mask: Int) -> ModuleMatrix? {
        guard let structure = BlockStructure(version: version, ecLevel: ecLevel),
            data.count == structure.totalDataCodewords
        else { return nil }
        var blocks: [[UInt8]] = []
        var start = 0
        for count in structure.dataCodewords {
            let blockData = Array(data[start..<(start + count)])
            blocks.append(
                blockData + ReedSolomonEncoder.ecCodewords(for: blockData, ecCount: structure.ecCodewordsPerBlock))
            start += count
        }
        var stream = [UInt8](repeating: 0, count: structure.totalCodewords)
        for (block, codewords) in blocks.enumerated() {
            for (offset, byte) in codewords.enumerated() {
                if let index = structure.streamIndex(block: block, offset: offset) { stream[index] = byte }
            }
        }
        let size = 17 + 4 * version
        var modules = [Bool](repeating: false, count: size * size)
        let positions = CodewordPlacement.modulePositions(version: version)
        for (k, position) in positions.enumerated() {
            let bit = k < stream.count * 8 && (stream[k >> 3] >> UInt8(7 - (k & 7))) & 1 == 1
            modules[position] = bit != DataMask.inverts(pattern: mask, row: position / size, column: position % size)
        }
        return ModuleMatrix(size: size, modules: modules)
    }

    /// XORs codeword `offset` of block `block` with `pattern` in place, through the placement order.
    static func flip(
        _ matrix: ModuleMatrix, ecLevel: ErrorCorrectionLevel, codewords: [(block: Int, offset: Int, pattern: UInt8)]
    ) -> ModuleMatrix? {
        guard let structure = BlockStructure(version: matrix.version, ecLevel: ecLevel) else { return nil }
        let positions = CodewordPlacement.modulePositions(version: matrix.version)
        var modules = matrix.modules
        for target in codewords {
            guard let index = structure.streamIndex(block: target.block, offset: target.offset) else { return nil }
            for bit in 0..<8 where (target.pattern >> UInt8(7 - bit)) & 1 == 1 {
                modules[positions[index * 8 + bit]].toggle()
            }
        }
        return ModuleMatrix(size: matrix.size, modules: modules)
    }
}
