import QRSymbol
import Testing

/// BCH(15,5) format and BCH(18,6) version decoders: valid words, corrected errors, and every other input.
@Suite("Format and version information decoders")
struct InformationDecoderTests {
    struct FormatCase: Sendable, CustomTestStringConvertible {
        let level: ErrorCorrectionLevel
        let mask: Int
        var testDescription: String { "\(level.rawValue) mask \(mask)" }
    }

    static let formatCases = ErrorCorrectionLevel.allCases.flatMap { level in
        (0..<8).map { FormatCase(level: level, mask: $0) }
    }

    /// Every set of up to `count` distinct bit positions below `width`.
    static func flips(width: Int, upTo count: Int) -> [Int] {
        var result = [0]
        var frontier = [(pattern: 0, next: 0)]
        for _ in 0..<count {
            var grown: [(pattern: Int, next: Int)] = []
            for item in frontier {
                for bit in item.next..<width { grown.append((item.pattern | 1 << bit, bit + 1)) }
            }
            result += grown.map(\.pattern)
            frontier = grown
        }
        return result
    }

    @Test("ISO/IEC 18004 worked examples encode exactly")
    func knownWords() {
        #expect(FormatInformationDecoder.encode(ecLevel: .M, mask: 5) == 0b100_0000_1100_1110)
        #expect(VersionInformationDecoder.encode(version: 7) == 0x07C94)
        #expect(VersionInformationDecoder.encode(version: 40) == 0x28C69)
    }

    @Test(
        "every valid format word, with up to 3 flipped bits, decodes to its EC level and mask", arguments: formatCases)
    func formatCorrectsUpToThreeBits(_ c: FormatCase) {
        let word = FormatInformationDecoder.encode(ecLevel: c.level, mask: c.mask)
        for pattern in Self.flips(width: 15, upTo: 3) {
            let decoded = FormatInformationDecoder.decode(word ^ pattern)
            #expect(decoded == .init(ecLevel: c.level, mask: c.mask, bitErrors: pattern.nonzeroBitCount))
        }
    }

    @Test("every 15-bit input decodes to a word within 3 bits or to nothing, never further")
    func formatExhaustive() {
        let valid = Self.formatCases.map { FormatInformationDecoder.encode(ecLevel: $0.level, mask: $0.mask) }
        var unreadable = 0
        for word in 0..<(1 << 15) {
            let nearest = valid.map { ($0 ^ word).nonzeroBitCount }.min() ?? 99
            if let decoded = FormatInformationDecoder.decode(word) {
                let distance = (FormatInformationDecoder.encode(ecLevel: decoded.ecLevel, mask: decoded.mask) ^ word)
                    .nonzeroBitCount
                #expect(distance == decoded.bitErrors && distance == nearest && distance <= 3)
            } else {
                #expect(nearest >= 4)
                unreadable += 1
            }
        }
        #expect(unreadable == (1 << 15) - 32 * 576)
    }

    @Test("every valid version word, with up to 3 flipped bits, decodes to its version", arguments: Array(7...40))
    func versionCorrectsUpToThreeBits(_ version: Int) {
        let word = VersionInformationDecoder.encode(version: version)
        for pattern in Self.flips(width: 18, upTo: 3) {
            let decoded = VersionInformationDecoder.decode(word ^ pattern)
            #expect(decoded == .init(version: version, bitErrors: pattern.nonzeroBitCount))
        }
    }

    @Test("4 to 18 flipped bits never crash and never decode to a word more than 3 bits away")
    func versionHeavyDamage() {
        let valid = (7...40).map { VersionInformationDecoder.encode(version: $0) }
        var state: UInt64 = 18
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let word = Int(state >> 46)
            let nearest = valid.map { ($0 ^ word).nonzeroBitCount }.min() ?? 99
            let decoded = VersionInformationDecoder.decode(word)
            #expect((decoded?.bitErrors ?? 4) == min(nearest, 4))
        }
        #expect(VersionInformationDecoder.decode(0x3FFFF ^ valid[0]) == nil)
    }
}
