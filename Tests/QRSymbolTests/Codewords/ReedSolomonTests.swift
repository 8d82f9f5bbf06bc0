import QRSymbol
import Testing

@Suite("Reed–Solomon over GF(256)")
struct ReedSolomonTests {
    /// ISO/IEC 18004 Annex I.2: 0001 0000001000 0000001100 0101011001 1000011 0000, then pad codewords.
    static let isoData: [UInt8] = [
        0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11,
    ]
    static let isoEC: [UInt8] = [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55]

    @Test("ISO/IEC 18004 Annex I: 01234567 at 1-M encodes to the published EC codewords")
    func isoExampleEncodes() {
        #expect(ReedSolomonEncoder.ecCodewords(for: Self.isoData, ecCount: 10) == Self.isoEC)
    }

    @Test(
        "ISO example with errors at chosen positions is restored",
        arguments: [
            [0], [25], [3, 17], [0, 5, 10, 20], [1, 2, 3, 4], [22, 23, 24, 25],
        ])
    func isoExampleCorrects(positions: [Int]) {
        let clean = Self.isoData + Self.isoEC
        var block = clean
        for (n, position) in positions.enumerated() { block[position] ^= UInt8(0x5A &+ n * 31) | 1 }
        let outcome = ReedSolomonDecoder.correct(&block, ecCount: 10, maxErrors: 4)
        #expect(outcome == .corrected(errors: positions.count))
        #expect(block == clean)
    }

    @Test("ISO example at 1-M with 5 errors is refused (capacity 4 because p = 2)")
    func isoExampleBeyondCapacity() {
        var block = Self.isoData + Self.isoEC
        for position in [0, 4, 8, 12, 16] { block[position] ^= 0xFF }
        let received = block
        #expect(ReedSolomonDecoder.correct(&block, ecCount: 10, maxErrors: 4) == .uncorrectable)
        #expect(block == received)
    }

    struct Shape: Sendable, CustomTestStringConvertible {
        let data: Int
        let ec: Int
        let p: Int
        var testDescription: String { "\(data)+\(ec) p=\(p)" }
        var capacity: Int { (ec - p) / 2 }
    }

    static let shapes: [Shape] = [
        Shape(data: 19, ec: 7, p: 3), Shape(data: 16, ec: 10, p: 2), Shape(data: 9, ec: 17, p: 1),
        Shape(data: 55, ec: 15, p: 1), Shape(data: 43, ec: 24, p: 0), Shape(data: 15, ec: 30, p: 0),
        Shape(data: 123, ec: 30, p: 0), Shape(data: 9, ec: 17, p: 0),
    ]

    @Test("random error patterns up to capacity are corrected exactly", arguments: shapes)
    func randomWithinCapacity(shape: Shape) {
        var rng = CodewordRNG(seed: UInt64(shape.data * 1000 + shape.ec))
        for trial in 0..<60 {
            let data = (0..<shape.data).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let clean = data + ReedSolomonEncoder.ecCodewords(for: data, ecCount: shape.ec)
            let errors = trial % (shape.capacity + 1)
            var block = clean
            for position in Array(clean.indices).shuffled(using: &rng).prefix(errors) {
                block[position] ^= UInt8.random(in: 1...255, using: &rng)
            }
            let outcome = ReedSolomonDecoder.correct(&block, ecCount: shape.ec, maxErrors: shape.capacity)
            #expect(outcome == .corrected(errors: errors))
            #expect(block == clean)
        }
    }

    /// Beyond capacity. A received word with t+1 errors lies at distance ≥ d − (t+1) = ec + 1 − (t+1) from
    /// every other codeword; when p > 0 or ec is odd that exceeds t, so no other codeword is within reach and
    /// "uncorrectable" is the only sound answer. With p = 0 and ec even, and for more errors, RS may
    /// legitimately land on another codeword; then we demand it is a valid codeword within t changes.
    @Test("random error patterns beyond capacity are refused or land on a valid codeword", arguments: shapes)
    func randomBeyondCapacity(shape: Shape) {
        var rng = CodewordRNG(seed: UInt64(shape.data * 7919 + shape.ec))
        let strict = shape.p > 0 || shape.ec % 2 == 1
        for trial in 0..<60 {
            let data = (0..<shape.data).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let clean = data + ReedSolomonEncoder.ecCodewords(for: data, ecCount: shape.ec)
            let errors =
                trial < 40 ? shape.capacity + 1 : Int.random(in: (shape.capacity + 1)...clean.count, using: &rng)
            var block = clean
            for position in Array(clean.indices).shuffled(using: &rng).prefix(errors) {
                block[position] ^= UInt8.random(in: 1...255, using: &rng)
            }
            let received = block
            let outcome = ReedSolomonDecoder.correct(&block, ecCount: shape.ec, maxErrors: shape.capacity)
            if errors == shape.capacity + 1 && strict {
                #expect(outcome == .uncorrectable)
            }
            switch outcome {
            case .uncorrectable:
                #expect(block == received)
            case .corrected(let count):
                #expect(block != clean)
                #expect(count <= shape.capacity)
                #expect(zip(block, received).filter { $0 != $1 }.count == count)
                let reencoded = Array(block.prefix(shape.data))
                #expect(
                    ReedSolomonEncoder.ecCodewords(for: reencoded, ecCount: shape.ec) == Array(block.suffix(shape.ec)))
            }
        }
    }

    @Test("degenerate inputs do not trap", arguments: [0, 1, 2, 254, 255, 256, 300])
    func degenerate(length: Int) {
        var block = [UInt8](repeating: 0xA5, count: length)
        _ = ReedSolomonDecoder.correct(&block, ecCount: min(length, 30), maxErrors: 99)
        var other = [UInt8](repeating: 0xFF, count: length)
        _ = ReedSolomonDecoder.correct(&other, ecCount: length / 2, maxErrors: -1)
    }
}
