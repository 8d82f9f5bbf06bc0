import QRConformance
import Testing

struct PersonalDataScrubberTests {
    static let cases: [(String, String)] = [
        ("001093029317", "******029317"),
        ("<1<HS4010120878821<<0944713700", "<1<************821<<*******700"),
        ("id 123456789.", "id ******789."),
        ("born 1987-01-18, seen 18/01/1987", "born 1987-**-**, seen **/**/1987"),
        ("162979388586171100", "162979388586171100"),
        ("a0944713700b", "a0944713700b"),
        ("lGG_viH9k2k.1SGZr5H5hNgUjKBfJBMFvprYCMu9fWPX", "lGG_viH9k2k.1SGZr5H5hNgUjKBfJBMFvprYCMu9fWPX"),
        ("12345678", "12345678"),
        ("NGUYỄN LÊ", "NGUYỄN LÊ"),
    ]

    @Test(arguments: cases)
    func scrubsWhatLooksPersonal(_ c: (String, String)) {
        #expect(PersonalDataScrubber.scrub(c.0) == c.1)
    }

    @Test func aPhoneMovedIntoTheSignatureSlotIsMasked() {
        let parse = PayloadParse(
            bytes: Array(
                "001093029317|NGUYEN LE KHA HAN|1987-01-18|0|162979388586171100|<1<HS4010120878821<<0944713700".utf8))
        let report = PayloadReport(parse, revealPersonalData: false)
        #expect(report.fields?.ext.signature == "*******700")
        #expect(PayloadReport(parse, revealPersonalData: true).fields?.ext.signature == "0944713700")
    }
}
