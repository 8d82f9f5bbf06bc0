import QRCamera
import QRSymbol
import Testing

@testable import QRImaging

/// How a decoder's readings on one rung are judged against the payload: a misread is never a read.
@Suite struct ScannabilityRunnerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let readings: [[UInt8]]
        let expected: DecoderOutcomeName
        var testDescription: String { name }
    }

    /// `DecoderOutcome` lives in QRSymbol; the table names it by raw value.
    typealias DecoderOutcomeName = String

    static let payload: [UInt8] = Array("001093029317|NGUYEN".utf8)

    static let cases: [Case] = [
        Case(name: "nothing read", readings: [], expected: "unread"),
        Case(name: "the exact bytes", readings: [payload], expected: "read"),
        Case(name: "other bytes", readings: [Array("001093029318|NGUYEN".utf8)], expected: "misread"),
        Case(name: "the bytes and other bytes", readings: [payload, [0x41]], expected: "misread"),
        Case(name: "a prefix of the bytes", readings: [Array(payload.dropLast())], expected: "misread"),
    ]

    @Test("a reading is read, unread or misread", arguments: cases)
    func judge(_ c: Case) {
        #expect(ScannabilityRunner.judge(c.readings, Self.payload).rawValue == c.expected)
    }
}
