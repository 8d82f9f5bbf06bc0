import QRConformance
import Testing

/// The payload parser: the published example, EXT positions, the signed range, and malformed input.
@Suite struct PersonalQRPayloadTests {
    @Test func publishedExampleParses() throws {
        let parse = PersonalQRPayload.parse(bytes: Array(TestSupport.example.utf8))
        #expect(parse.fields.count == 6)
        let payload = try #require(parse.payload)
        #expect(payload.soGiayTo.text == "001093029317")
        #expect(payload.hoTen.text == "NGUYEN LE KHA HAN")
        #expect(payload.ngaySinh.text == "1987-01-18")
        #expect(payload.loaiDinhDanh.text == "0")
        #expect(payload.qid.text == "162979388586171100")
        #expect(payload.ext.text == "<1<HS4010120878821<0944713700")
        #expect(payload.extFields.map(\.text) == ["", "1", "HS4010120878821", "0944713700"])
        #expect(payload.onBehalfQID?.text == "")
        #expect(payload.gender?.text == "1")
        #expect(payload.insuranceNumber?.text == "HS4010120878821")
        #expect(payload.phone?.text == "0944713700")
        #expect(payload.signature == nil)
        #expect(payload.signedRange == nil)
        #expect(payload.otherExtFields.isEmpty)
        #expect(parse.isValidUTF8)
    }

    @Test func signatureAndOtherPositions() throws {
        let text = "012345678|A B|1990-12-01|1|77|55<2<<0912345678<SIG+/=<X<"
        let parse = PersonalQRPayload.parse(bytes: Array(text.utf8))
        let payload = try #require(parse.payload)
        #expect(payload.extFields.map(\.text) == ["55", "2", "", "0912345678", "SIG+/=", "X", ""])
        #expect(payload.signature?.text == "SIG+/=")
        #expect(payload.otherExtFields.map(\.text) == ["X", ""])
        let signed = try #require(payload.signedRange)
        #expect(
            String(decoding: parse.bytes[signed], as: UTF8.self) == "012345678|A B|1990-12-01|1|77|55<2<<0912345678")
        #expect(parse.bytes[signed.upperBound] == UInt8(ascii: "<"))
        #expect(payload.signature?.range == (signed.upperBound + 1)..<(signed.upperBound + 7))
    }

    @Test func emptySignaturePositionStillGivesTheSignedRange() throws {
        let parse = PersonalQRPayload.parse(bytes: Array("1|2|3|4|5|<<<<".utf8))
        let payload = try #require(parse.payload)
        #expect(payload.signature?.text == "")
        #expect(payload.signedRange == 0..<13)
    }

    @Test func emptyEXTHasOneEmptyPosition() throws {
        let payload = try #require(PersonalQRPayload.parse(bytes: Array("1|2|3|4|5|".utf8)).payload)
        #expect(payload.extFields.map(\.text) == [""])
        #expect(payload.gender == nil)
    }

    struct Malformed: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let fieldCount: Int
        var testDescription: String { name }
    }

    @Test(arguments: [
        Malformed(name: "empty", bytes: [], fieldCount: 1),
        Malformed(name: "5 fields", bytes: Array("a|b|c|d|e".utf8), fieldCount: 5),
        Malformed(name: "7 fields", bytes: Array("a|b|c|d|e|f|g".utf8), fieldCount: 7),
        Malformed(name: "10 kB", bytes: Array(repeating: 0x41, count: 10_240), fieldCount: 1),
        Malformed(name: "10 kB of pipes", bytes: Array(repeating: 0x7C, count: 10_240), fieldCount: 10_241),
        Malformed(name: "NUL bytes", bytes: [0, 0x7C, 0, 0x7C, 0, 0x7C, 0, 0x7C, 0, 0x7C, 0], fieldCount: 6),
        Malformed(name: "invalid UTF-8", bytes: [0xC3, 0x28, 0x7C, 0xFF], fieldCount: 2),
        Malformed(name: "pipes at the ends", bytes: Array("|a|b|c|d|".utf8), fieldCount: 6),
    ])
    func malformedInputNeverTrapsAndGivesFindings(_ testCase: Malformed) throws {
        let parse = PersonalQRPayload.parse(bytes: testCase.bytes)
        #expect(parse.fields.count == testCase.fieldCount)
        #expect((parse.payload != nil) == (testCase.fieldCount == 6))
        #expect(parse.fields.last?.range.upperBound == testCase.bytes.count)
        let findings = try TestSupport.findings(
            ImageObservation(symbols: [TestSupport.conformantSymbol(payload: testCase.bytes)]))
        let failed = findings.filter { $0.area == "PAY" && $0.outcome == .fail }
        #expect(!failed.isEmpty)
    }

    @Test func invalidUTF8IsReportedAsSuch() {
        #expect(!PersonalQRPayload.parse(bytes: [0xC3, 0x28]).isValidUTF8)
        #expect(PersonalQRPayload.parse(bytes: [0xC3, 0x28]).fields[0].text == "\u{FFFD}(")
    }
}

extension Finding {
    /// The rule's area prefix, e.g. `PAY`.
    var area: Substring { rule.prefix(3) }
}
