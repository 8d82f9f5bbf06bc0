import QRConformance
import Testing

/// The one masking function: well-formed fields keep the guidance's masks; every run of 9 or more ASCII digits is
/// masked whatever its length and neighbours, including the two attack payloads of issue 24.
struct PayloadMaskingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let field: PayloadMasking.Field
        let masked: String
        var testDescription: String { name }
    }

    static let structuredAppend =
        "001093029317|NGUYEN LE KHA HAN|1987-01-18|0|162979388586171100|<1<HS4010120878821<0944713700<"
        + "lGG_viH9k2k.1SGZr5H5hNgUjKBfJBMFvprYCMu9fWPX-FIHlXfPbo8aVHDN-apifYf9JPkUu-LCTQsHnTpM4ILO3G6pn76VaA"

    static let cases: [Case] = [
        Case(name: "ID number field", text: "001093029317", field: .idNumber, masked: "******029317"),
        Case(name: "birth date field", text: "1987-01-18", field: .birthDate, masked: "1987-**-**"),
        Case(name: "phone field", text: "0944713700", field: .phone, masked: "*******700"),
        Case(name: "insurance field", text: "HS4010120878821", field: .insuranceNumber, masked: "************821"),
        Case(name: "a bare 12-digit run", text: "001093029317", field: .other, masked: "******029317"),
        Case(
            name: "insurance and phone in EXT", text: "<1<HS4010120878821<<0944713700", field: .other,
            masked: "<1<************821<<*******700"),
        Case(name: "9 digits in text", text: "id 123456789.", field: .other, masked: "id ******789."),
        Case(
            name: "dates", text: "born 1987-01-18, seen 18/01/1987", field: .other,
            masked: "born 1987-**-**, seen **/**/1987"),
        Case(
            name: "28 digits: ID, birth date and phone run together", text: "0010930293171987011809447137",
            field: .other, masked: "*************************137"),
        Case(name: "an 18-digit QID", text: "162979388586171100", field: .other, masked: "***************100"),
        Case(name: "11 digits", text: "09447137001", field: .other, masked: "********001"),
        Case(name: "letters on both sides", text: "a0944713700b", field: .other, masked: "a*******700b"),
        Case(
            name: "a signature's letters run into the next copy's ID number", text: "pn76VaA001093029317|NGUYEN",
            field: .other, masked: "pn76VaA*********317|NGUYEN"),
        Case(
            name: "structured-append copies run together",
            text: structuredAppend + structuredAppend, field: .other,
            masked: "******029317|NGUYEN LE KHA HAN|1987-**-**|0|***************100|<1<************821<*******700<"
                + "lGG_viH9k2k.1SGZr5H5hNgUjKBfJBMFvprYCMu9fWPX-FIHlXfPbo8aVHDN-apifYf9JPkUu-LCTQsHnTpM4ILO3G6pn76VaA"
                + "*********317|NGUYEN LE KHA HAN|1987-**-**|0|***************100|<1<************821<*******700<"
                + "lGG_viH9k2k.1SGZr5H5hNgUjKBfJBMFvprYCMu9fWPX-FIHlXfPbo8aVHDN-apifYf9JPkUu-LCTQsHnTpM4ILO3G6pn76VaA"),
        Case(
            name: "a signature with short digit runs", text: "lGG_viH9k2k.1SGZr5H5hNgUjKBfJBMFvprYCMu9fWPX",
            field: .other, masked: "lGG_viH9k2k.1SGZr5H5hNgUjKBfJBMFvprYCMu9fWPX"),
        Case(name: "8 digits", text: "12345678", field: .other, masked: "12345678"),
        Case(name: "a Vietnamese name", text: "NGUYỄN LÊ", field: .other, masked: "NGUYỄN LÊ"),
    ]

    @Test(arguments: cases)
    func masksWhatLooksPersonal(_ c: Case) {
        #expect(PayloadMasking.mask(c.text, as: c.field) == c.masked)
    }

    @Test(arguments: cases.filter { $0.field == .other })
    func aWholePayloadOfAnyShapeIsMaskedTheSameWay(_ c: Case) {
        #expect(PayloadMasking.maskedText(Array(c.text.utf8)) == c.masked)
    }

    @Test func aWellFormedPayloadKeepsItsFieldMasks() {
        let payload = "001093029317|NGUYEN LE KHA HAN|1987-01-18|0||<1<HS4010120878821<0944713700<sig"
        #expect(
            PayloadMasking.maskedText(Array(payload.utf8))
                == "******029317|NGUYEN LE KHA HAN|1987-**-**|0||<1<************821<*******700<sig")
        #expect(PayloadMasking.maskedText([0x31, 0xFF]) == nil)
    }

    @Test func aPhoneMovedIntoTheSignatureSlotIsMasked() {
        let parse = PayloadParse(
            bytes: Array(
                "001093029317|NGUYEN LE KHA HAN|1987-01-18|0|162979388586171100|<1<HS4010120878821<<0944713700".utf8))
        let report = PayloadReport(parse, revealPersonalData: false)
        #expect(report.fields?.ext.signature == "*******700")
        #expect(report.fields?.qid == "***************100")
        #expect(PayloadReport(parse, revealPersonalData: true).fields?.ext.signature == "0944713700")
    }
}
