/// Reads the two format copies and the two version blocks from a sampled module matrix.
///
/// Bit positions follow ISO/IEC 18004 §7.9 and §7.10; every list is most significant bit first.
enum SymbolInformationReader {
    /// (row, column) of format bits 14…0: copy 0 around the top-left finder, copy 1 split top-right/bottom-left.
    static func formatPositions(size n: Int) -> [[(row: Int, column: Int)]] {
        let copy0 =
            (0..<6).map { (row: 8, column: $0) } + [(8, 7), (8, 8), (7, 8)]
            + (0...5).reversed().map { (row: $0, column: 8) }
        let copy1 = (1...7).map { (row: n - $0, column: 8) } + ((n - 8)..<n).map { (row: 8, column: $0) }
        return [copy0, copy1]
    }

    /// (row, column) of version bits 17…0: block 0 above-left of the top-right finder, block 1 bottom-left.
    static func versionPositions(size n: Int) -> [[(row: Int, column: Int)]] {
        let bits = (0..<18).reversed()
        return [
            bits.map { (row: $0 / 3, column: n - 11 + $0 % 3) },
            bits.map { (row: n - 11 + $0 % 3, column: $0 / 3) },
        ]
    }

    static func word(_ matrix: ModuleMatrix, _ positions: [(row: Int, column: Int)]) -> Int {
        positions.reduce(0) { ($0 << 1) | (matrix[$1.row, $1.column] ? 1 : 0) }
    }

    /// Both format copies, the agreement between them, and the EC level and mask to report.
    static func format(_ matrix: ModuleMatrix) -> (
        copies: [SymbolMeasurement.FormatCopy?],
        agreement: SymbolMeasurement.FormatAgreement,
        chosen: SymbolMeasurement.FormatCopy?
    ) {
        let copies = formatPositions(size: matrix.size).map { positions in
            FormatInformationDecoder.decode(word(matrix, positions)).map {
                SymbolMeasurement.FormatCopy(ecLevel: $0.ecLevel, mask: $0.mask, bitErrors: $0.bitErrors)
            }
        }
        switch (copies[0], copies[1]) {
        case let (first?, second?):
            if first.ecLevel == second.ecLevel, first.mask == second.mask { return (copies, .bothAgree, first) }
            return (copies, .disagree, second.bitErrors < first.bitErrors ? second : first)
        case let (first?, nil): return (copies, .onlyFirstReadable, first)
        case let (nil, second?): return (copies, .onlySecondReadable, second)
        case (nil, nil): return (copies, .unreadable, nil)
        }
    }

    /// The version blocks (empty below version 7) and whether the readable ones match the geometry.
    static func versionSources(_ matrix: ModuleMatrix) -> SymbolMeasurement.VersionSources {
        let geometry = matrix.version
        guard geometry >= 7 else { return .init(geometry: geometry, infoBlocks: [], agree: true) }
        let blocks = versionPositions(size: matrix.size).map {
            VersionInformationDecoder.decode(word(matrix, $0))?.version
        }
        let readable = blocks.compactMap { $0 }
        return .init(
            geometry: geometry, infoBlocks: blocks,
            agree: !readable.isEmpty && readable.allSatisfy { $0 == geometry })
    }
}
