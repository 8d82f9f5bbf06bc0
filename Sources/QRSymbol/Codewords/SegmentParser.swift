/// Splits a corrected data codeword sequence into segments and payload bytes, and checks what follows them.
struct SegmentParser {
    /// What the data codewords hold.
    struct Result: Equatable {
        var segments: [DataSegment] = []
        var payload: [UInt8] = []
        var problem: StreamProblem?
        var terminatorOk = false
        var paddingOk = false
        var trailingData = 0
    }

    static let alphanumericCharacters: [UInt8] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

    /// Parses `data` (the data codewords in stream order) of a symbol of `version`.
    static func parse(_ data: [UInt8], version: Int) -> Result {
        var reader = BitReader(data)
        var result = Result()
        let range = version <= 9 ? 0 : (version <= 26 ? 1 : 2)
        while true {
            if reader.remaining < 4 {
                let rest = reader.read(reader.remaining) ?? 0
                result.terminatorOk = rest == 0
                result.paddingOk = true
                result.trailingData = rest == 0 ? 0 : 1
                return result
            }
            let indicator = reader.read(4) ?? 0
            if indicator == 0 {
                result.terminatorOk = true
                checkPadding(data, after: reader, into: &result)
                return result
            }
            if let problem = parseSegment(indicator: indicator, range: range, reader: &reader, into: &result) {
                result.problem = problem
                result.payload = []
                return result
            }
        }
    }

    /// Reads one segment's header and data; returns the problem that stops parsing, if any.
    private static func parseSegment(
        indicator: Int, range: Int, reader: inout BitReader, into result: inout Result
    ) -> StreamProblem? {
        switch indicator {
        case 0b0001:
            return readCounted(.numeric, countBits: [10, 12, 14][range], reader: &reader, into: &result)
        case 0b0010:
            return readCounted(.alphanumeric, countBits: [9, 11, 13][range], reader: &reader, into: &result)
        case 0b0100:
            return readCounted(.byte, countBits: [8, 16, 16][range], reader: &reader, into: &result)
        case 0b1000:
            return readCounted(.kanji, countBits: [8, 10, 12][range], reader: &reader, into: &result)
        case 0b0111:
            guard let first = reader.read(8) else { return .truncatedSegment }
            let designator: Int?
            if first & 0x80 == 0 {
                designator = first
            } else if first & 0xC0 == 0x80 {
                designator = reader.read(8).map { (first & 0x3F) << 8 | $0 }
            } else if first & 0xE0 == 0xC0 {
                designator = reader.read(16).map { (first & 0x1F) << 16 | $0 }
            } else {
                return .invalidECI
            }
            guard let designator else { return .truncatedSegment }
            guard designator <= 999_999 else { return .invalidECI }
            result.segments.append(DataSegment(mode: .eci, charCount: 0, eciDesignator: designator))
        case 0b0011:
            guard let index = reader.read(4), let count = reader.read(4), let parity = reader.read(8) else {
                return .truncatedSegment
            }
            let header = DataSegment.StructuredAppend(symbolIndex: index, symbolCount: count + 1, parity: parity)
            result.segments.append(DataSegment(mode: .structuredAppend, charCount: 0, structuredAppend: header))
        case 0b0101:
            result.segments.append(DataSegment(mode: .fnc1First, charCount: 0))
        case 0b1001:
            guard let indicator = reader.read(8) else { return .truncatedSegment }
            result.segments.append(DataSegment(mode: .fnc1Second, charCount: 0, applicationIndicator: indicator))
        default:
            return .invalidModeIndicator
        }
        return nil
    }

    /// Reads a character count and the characters of a numeric, alphanumeric, byte or Kanji segment.
    private static func readCounted(
        _ mode: DataSegment.Mode, countBits: Int, reader: inout BitReader, into result: inout Result
    ) -> StreamProblem? {
        guard let count = reader.read(countBits) else { return .truncatedSegment }
        let needed: Int
        switch mode {
        case .numeric: needed = 10 * (count / 3) + [0, 4, 7][count % 3]
        case .alphanumeric: needed = 11 * (count / 2) + 6 * (count % 2)
        case .byte: needed = 8 * count
        default: needed = 13 * count
        }
        guard needed <= reader.remaining else { return .truncatedSegment }
        result.segments.append(DataSegment(mode: mode, charCount: count))
        switch mode {
        case .numeric: return readNumeric(count, reader: &reader, into: &result.payload)
        case .alphanumeric: return readAlphanumeric(count, reader: &reader, into: &result.payload)
        case .byte:
            for _ in 0..<count { result.payload.append(UInt8(truncatingIfNeeded: reader.read(8) ?? 0)) }
            return nil
        default: return readKanji(count, reader: &reader, into: &result.payload)
        }
    }

    private static func readNumeric(_ count: Int, reader: inout BitReader, into payload: inout [UInt8])
        -> StreamProblem?
    {
        var left = count
        while left > 0 {
            let digits = min(left, 3)
            let value = reader.read([0, 4, 7, 10][digits]) ?? 0
            guard value < [1, 10, 100, 1000][digits] else { return .invalidNumeric }
            var divisor = [1, 1, 10, 100][digits]
            for _ in 0..<digits {
                payload.append(UInt8(truncatingIfNeeded: 0x30 + (value / divisor) % 10))
                divisor /= 10
            }
            left -= digits
        }
        return nil
    }

    private static func readAlphanumeric(
        _ count: Int, reader: inout BitReader, into payload: inout [UInt8]
    ) -> StreamProblem? {
        let table = alphanumericCharacters
        var left = count
        while left >= 2 {
            let value = reader.read(11) ?? 0
            guard value < 45 * 45 else { return .invalidAlphanumeric }
            payload.append(table[value / 45])
            payload.append(table[value % 45])
            left -= 2
        }
        if left == 1 {
            let value = reader.read(6) ?? 0
            guard value < 45 else { return .invalidAlphanumeric }
            payload.append(table[value])
        }
        return nil
    }

    /// Kanji: 13-bit value = high·0xC0 + low, Shift JIS = (high, low) + 0x8140, or + 0xC140 from 0x1F00.
    private static func readKanji(_ count: Int, reader: inout BitReader, into payload: inout [UInt8]) -> StreamProblem?
    {
        for _ in 0..<count {
            let value = reader.read(13) ?? 0
            let low = value % 0xC0
            guard low <= 0xBC else { return .invalidKanji }
            let packed = (value / 0xC0) << 8 | low
            let shiftJIS = packed + (packed < 0x1F00 ? 0x8140 : 0xC140)
            payload.append(UInt8(truncatingIfNeeded: shiftJIS >> 8))
            payload.append(UInt8(truncatingIfNeeded: shiftJIS))
        }
        return nil
    }

    /// Checks the zero fill bits up to the byte boundary and the alternating 0xEC/0x11 pad codewords.
    private static func checkPadding(_ data: [UInt8], after reader: BitReader, into result: inout Result) {
        var reader = reader
        let fill = reader.remaining % 8
        let fillBits = reader.read(fill) ?? 0
        var trailing = fillBits == 0 ? 0 : 1
        var ordered = fillBits == 0
        let start = data.count - reader.remaining / 8
        for index in start..<data.count {
            let expected: UInt8 = (index - start) % 2 == 0 ? 0xEC : 0x11
            if data[index] != expected { ordered = false }
            if data[index] != 0xEC && data[index] != 0x11 { trailing += 1 }
        }
        result.paddingOk = ordered
        result.trailingData = trailing
    }
}
