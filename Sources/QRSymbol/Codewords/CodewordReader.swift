/// Reads a QR symbol's codewords from its module matrix: unmask, read out, de-interleave, correct, parse.
///
/// Pure and total: any matrix, any mask number, any bit pattern yields a reading, never a trap.
///
/// ```swift
/// let reading = CodewordReader.read(matrix: matrix, ecLevel: .M, mask: 3)
/// if reading.status == .ok, let bytes = reading.payload { ... }
/// ```
public enum CodewordReader {
    /// Reads `matrix` (true = dark, symbol orientation) with the EC level and mask from its format information.
    public static func read(matrix: ModuleMatrix, ecLevel: ErrorCorrectionLevel, mask: Int) -> CodewordReading {
        let version = matrix.version
        var reading = CodewordReading(
            status: .malformed, version: version, ecLevel: ecLevel, mask: mask, failingBlock: nil,
            problem: .invalidMask, blocks: [], uec: 0, segments: [], terminatorOk: false, paddingOk: false,
            trailingData: 0, payload: nil)
        guard (0...7).contains(mask), let structure = BlockStructure(version: version, ecLevel: ecLevel) else {
            return reading
        }
        reading.problem = nil
        let stream = codewords(of: matrix, mask: mask, count: structure.totalCodewords)
        var blocks = deinterleave(stream, structure: structure)
        let ec = structure.ecCodewordsPerBlock
        let budget = Double(ec - structure.misdecodeProtection)
        var uec = 1.0
        var data: [UInt8] = []
        data.reserveCapacity(structure.totalDataCodewords)
        for index in blocks.indices {
            let outcome = ReedSolomonDecoder.correct(
                &blocks[index], ecCount: ec, maxErrors: structure.correctableErrorsPerBlock)
            let dataCount = structure.dataCodewords[index]
            switch outcome {
            case .corrected(let errors):
                reading.blocks.append(.init(dataCodewords: dataCount, ecCodewords: ec, corrected: errors))
                uec = min(uec, budget > 0 ? 1 - Double(2 * errors) / budget : 0)
                data.append(contentsOf: blocks[index][0..<dataCount])
            case .uncorrectable:
                reading.blocks.append(.init(dataCodewords: dataCount, ecCodewords: ec, corrected: nil))
                reading.failingBlock = reading.failingBlock ?? index
                uec = 0
            }
        }
        reading.uec = uec
        guard reading.failingBlock == nil else {
            reading.status = .uncorrectable
            return reading
        }
        let parsed = SegmentParser.parse(data, version: version)
        reading.segments = parsed.segments
        reading.problem = parsed.problem
        reading.terminatorOk = parsed.terminatorOk
        reading.paddingOk = parsed.paddingOk
        reading.trailingData = parsed.trailingData
        reading.status = parsed.problem == nil ? .ok : .malformed
        reading.payload = parsed.problem == nil ? parsed.payload : nil
        return reading
    }

    /// The received blocks (data then EC codewords each) before correction; nil for an invalid mask.
    public static func receivedBlocks(matrix: ModuleMatrix, ecLevel: ErrorCorrectionLevel, mask: Int) -> [[UInt8]]? {
        guard (0...7).contains(mask), let structure = BlockStructure(version: matrix.version, ecLevel: ecLevel) else {
            return nil
        }
        return deinterleave(codewords(of: matrix, mask: mask, count: structure.totalCodewords), structure: structure)
    }

    /// The first `count` codewords in placement order, unmasked.
    static func codewords(of matrix: ModuleMatrix, mask: Int, count: Int) -> [UInt8] {
        let positions = CodewordPlacement.modulePositions(version: matrix.version)
        let size = matrix.size
        var result = [UInt8](repeating: 0, count: count)
        let bits = min(count * 8, positions.count)
        matrix.modules.withUnsafeBufferPointer { modules in
            for k in 0..<bits {
                let position = positions[k]
                let row = position / size
                let column = position - row * size
                if modules[position] != DataMask.inverts(pattern: mask, row: row, column: column) {
                    result[k >> 3] |= UInt8(0x80) >> UInt8(k & 7)
                }
            }
        }
        return result
    }

    /// Splits the interleaved sequence into blocks, each its data codewords followed by its EC codewords.
    static func deinterleave(_ stream: [UInt8], structure: BlockStructure) -> [[UInt8]] {
        var blocks: [[UInt8]] = structure.dataCodewords.map { data in
            var block: [UInt8] = []
            block.reserveCapacity(data + structure.ecCodewordsPerBlock)
            return block
        }
        let longest = structure.dataCodewords.max() ?? 0
        var index = 0
        for offset in 0..<longest {
            for block in blocks.indices where offset < structure.dataCodewords[block] && index < stream.count {
                blocks[block].append(stream[index])
                index += 1
            }
        }
        for _ in 0..<structure.ecCodewordsPerBlock {
            for block in blocks.indices where index < stream.count {
                blocks[block].append(stream[index])
                index += 1
            }
        }
        return blocks
    }
}
