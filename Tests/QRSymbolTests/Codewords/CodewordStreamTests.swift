import QRSymbol
import Testing

/// Bit streams segno cannot make, built into symbols with our own RS encoder and placement (SymbolBuilder).
@Suite("Codeword reader on hand-built bit streams")
struct CodewordStreamTests {
    /// Reads `bits` placed in a 1-L symbol (19 data codewords, 152 bits) with mask 5.
    static func read(_ bits: CodewordBitWriter, pad: Bool = true, version: Int = 1, level: ErrorCorrectionLevel = .L)
        -> CodewordReading?
    {
        guard let structure = BlockStructure(version: version, ecLevel: level) else { return nil }
        let data = bits.codewords(capacity: structure.totalDataCodewords, pad: pad)
        guard let matrix = SymbolBuilder.matrix(data: data, version: version, ecLevel: level, mask: 5) else {
            return nil
        }
        return CodewordReader.read(matrix: matrix, ecLevel: level, mask: 5)
    }

    static func stream(_ fields: [(Int, Int)]) -> CodewordBitWriter {
        var writer = CodewordBitWriter()
        for (value, count) in fields { writer.append(value, count) }
        return writer
    }

    @Test("FNC1 first position: '%' is kept raw in the payload and becomes GS for zbar")
    func fnc1First() throws {
        // 0101 FNC1-1st, 0010 alnum count 5 "01%AB": (0,1)=1, (%,A)=38*45+10=1720, B=11
        let reading = try #require(
            Self.read(Self.stream([(5, 4), (2, 4), (5, 9), (1, 11), (1720, 11), (11, 6), (0, 4)])))
        #expect(reading.status == .ok)
        #expect(reading.segments.map(\.mode) == [.fnc1First, .alphanumeric])
        #expect(reading.payload == Array("01%AB".utf8))
        #expect(reading.agrees(with: [0x30, 0x31, 0x1D, 0x41, 0x42]))
        #expect(!reading.agrees(with: Array("01%AB".utf8)))
    }

    @Test("FNC1 second position carries its application indicator, which zbar prefixes")
    func fnc1Second() throws {
        let reading = try #require(Self.read(Self.stream([(9, 4), (37, 8), (1, 4), (3, 10), (123, 10), (0, 4)])))
        #expect(reading.status == .ok)
        #expect(
            reading.segments == [
                DataSegment(mode: .fnc1Second, charCount: 0, applicationIndicator: 37),
                DataSegment(mode: .numeric, charCount: 3),
            ])
        #expect(reading.payload == Array("123".utf8))
        #expect(reading.agrees(with: Array("37123".utf8)))
    }

    static let eciCases: [(fields: [(Int, Int)], designator: Int)] = [
        ([(0x7, 4), (26, 8)], 26), ([(0x7, 4), (0b10, 2), (1000, 14)], 1000),
        ([(0x7, 4), (0b110, 3), (999_999, 21)], 999_999),
    ]

    @Test("ECI designators of one, two and three bytes", arguments: eciCases)
    func eciDesignators(fields: [(Int, Int)], designator: Int) throws {
        let reading = try #require(Self.read(Self.stream(fields + [(4, 4), (1, 8), (0x41, 8), (0, 4)])))
        #expect(reading.status == .ok)
        #expect(
            reading.segments == [
                DataSegment(mode: .eci, charCount: 0, eciDesignator: designator),
                DataSegment(mode: .byte, charCount: 1),
            ])
        #expect(reading.payload == [0x41])
    }

    @Test("ECI 3 (Latin-1) byte data is transcoded to UTF-8 for the zbar comparison")
    func latin1ECI() throws {
        let reading = try #require(
            Self.read(Self.stream([(7, 4), (3, 8), (4, 4), (2, 8), (0x41, 8), (0xE9, 8), (0, 4)])))
        #expect(reading.payload == [0x41, 0xE9])
        #expect(reading.agrees(with: [0x41, 0xC3, 0xA9]))
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        let name: String
        let fields: [(Int, Int)]
        let problem: StreamProblem
        let segmentsBefore: Int
        var testDescription: String { name }
    }

    static let malformed: [Malformed] = [
        Malformed(
            name: "undefined mode 0110", fields: [(1, 4), (1, 10), (7, 4), (6, 4)], problem: .invalidModeIndicator,
            segmentsBefore: 1),
        Malformed(
            name: "Hanzi 1101 is not ISO", fields: [(13, 4), (1, 4), (1, 8)], problem: .invalidModeIndicator,
            segmentsBefore: 0),
        Malformed(
            name: "byte count beyond the stream", fields: [(4, 4), (200, 8)], problem: .truncatedSegment,
            segmentsBefore: 0),
        Malformed(
            name: "numeric count beyond the stream", fields: [(1, 4), (1023, 10)], problem: .truncatedSegment,
            segmentsBefore: 0),
        Malformed(
            name: "numeric group 1000", fields: [(1, 4), (3, 10), (1000, 10)], problem: .invalidNumeric,
            segmentsBefore: 1),
        Malformed(
            name: "numeric pair 100", fields: [(1, 4), (2, 10), (100, 7)], problem: .invalidNumeric, segmentsBefore: 1),
        Malformed(
            name: "alphanumeric pair 2025", fields: [(2, 4), (2, 9), (2025, 11)], problem: .invalidAlphanumeric,
            segmentsBefore: 1),
        Malformed(
            name: "alphanumeric single 45", fields: [(2, 4), (1, 9), (45, 6)], problem: .invalidAlphanumeric,
            segmentsBefore: 1),
        Malformed(
            name: "kanji low part 0xBD", fields: [(8, 4), (1, 8), (0xBD, 13)], problem: .invalidKanji, segmentsBefore: 1
        ),
        Malformed(name: "ECI prefix 111", fields: [(7, 4), (0xE0, 8)], problem: .invalidECI, segmentsBefore: 0),
        Malformed(
            name: "ECI above 999999", fields: [(7, 4), (0b110, 3), (1_000_000, 21)], problem: .invalidECI,
            segmentsBefore: 0),
    ]

    @Test("malformed streams are reported, with no payload", arguments: malformed)
    func malformedStreams(_ example: Malformed) throws {
        let reading = try #require(Self.read(Self.stream(example.fields), pad: false))
        #expect(reading.status == .malformed)
        #expect(reading.problem == example.problem)
        #expect(reading.payload == nil)
        #expect(reading.segments.count == example.segmentsBefore)
        #expect(reading.uec == 1.0)
        #expect(!reading.agrees(with: []))
    }

    /// ECI 26 + 16 bytes = 152 bits exactly; numeric 41 digits = 151 bits, then one spare bit (0 or 1).
    static let terminatorCases: [(fields: [(Int, Int)], terminatorOk: Bool, trailing: Int)] = {
        let bytes: [(Int, Int)] = Array(repeating: (0x61, 8), count: 16)
        let exact: [(Int, Int)] = [(7, 4), (26, 8), (4, 4), (16, 8)] + bytes
        let groups: [(Int, Int)] = Array(repeating: (123, 10), count: 13)
        let digits: [(Int, Int)] = [(1, 4), (41, 10)] + groups + [(45, 7)]
        return [(exact, true, 0), (digits + [(0, 1)], true, 0), (digits + [(1, 1)], false, 1)]
    }()

    @Test("terminator: exact fit, abbreviated zero bits, abbreviated junk bits", arguments: terminatorCases)
    func terminator(fields: [(Int, Int)], terminatorOk: Bool, trailing: Int) throws {
        let reading = try #require(Self.read(Self.stream(fields), pad: false))
        #expect(reading.status == .ok)
        #expect(reading.terminatorOk == terminatorOk)
        #expect(reading.paddingOk)
        #expect(reading.trailingData == trailing)
    }

    @Test("hidden bytes after the terminator are counted as trailing data, not payload")
    func trailingData() throws {
        let hidden: [(Int, Int)] = Array("HIDDEN".utf8).map { (Int($0), 8) }
        let reading = try #require(Self.read(Self.stream([(4, 4), (1, 8), (0x41, 8), (0, 4)] + hidden)))
        #expect(reading.status == .ok)
        #expect(reading.payload == [0x41])
        #expect(reading.terminatorOk)
        #expect(!reading.paddingOk)
        #expect(reading.trailingData == 6)
    }

    static let paddingCases: [(fields: [(Int, Int)], paddingOk: Bool, trailing: Int)] = {
        let data: [(Int, Int)] = [(4, 4), (1, 8), (0x41, 8), (0, 4)]
        let swapped: [(Int, Int)] = [(0x11, 8), (0xEC, 8)]
        let repeated: [(Int, Int)] = [(0xEC, 8), (0xEC, 8)]
        let proper: [(Int, Int)] = [(0xEC, 8), (0x11, 8)]
        let digit: [(Int, Int)] = [(1, 4), (1, 10), (7, 4), (0, 4)]
        return [
            (data + swapped, false, 0), (data + repeated, false, 0), (data + proper, true, 0),
            (digit + [(0, 2)] + proper, true, 0), (digit + [(0b10, 2)] + proper, false, 1),
        ]
    }()

    @Test("pad codewords in the wrong order, repeated, proper, and non-zero fill bits", arguments: paddingCases)
    func padding(fields: [(Int, Int)], paddingOk: Bool, trailing: Int) throws {
        let reading = try #require(Self.read(Self.stream(fields)))
        #expect(reading.status == .ok)
        #expect(reading.paddingOk == paddingOk)
        #expect(reading.trailingData == trailing)
    }

    @Test("an invalid mask number is reported, not trapped", arguments: [-1, 8, 255, Int.min, Int.max])
    func invalidMask(mask: Int) throws {
        let matrix = try #require(ModuleMatrix(size: 21, modules: Array(repeating: true, count: 441)))
        let reading = CodewordReader.read(matrix: matrix, ecLevel: .L, mask: mask)
        #expect(reading.status == .malformed)
        #expect(reading.problem == .invalidMask)
        #expect(reading.payload == nil)
    }

    @Test(
        "random matrices and random valid-RS data never trap and never report data unflagged",
        arguments: [1, 2, 6, 7, 10, 21, 27, 40])
    func randomInputs(version: Int) throws {
        var rng = CodewordRNG(seed: UInt64(version) &* 0x1234_5678)
        let size = 17 + 4 * version
        for trial in 0..<8 {
            let level = ErrorCorrectionLevel.allCases[trial % 4]
            let modules = (0..<(size * size)).map { _ in Bool.random(using: &rng) }
            let matrix = try #require(ModuleMatrix(size: size, modules: modules))
            let noise = CodewordReader.read(matrix: matrix, ecLevel: level, mask: trial)
            #expect(noise.status == .ok ? noise.payload != nil : noise.payload == nil)
            let structure = try #require(BlockStructure(version: version, ecLevel: level))
            let data = (0..<structure.totalDataCodewords).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let built = try #require(SymbolBuilder.matrix(data: data, version: version, ecLevel: level, mask: trial))
            let garbage = CodewordReader.read(matrix: built, ecLevel: level, mask: trial)
            #expect(garbage.status != .uncorrectable)
            #expect(garbage.uec == 1.0)
            #expect(garbage.status == .ok ? garbage.payload != nil : garbage.payload == nil)
        }
    }
}
