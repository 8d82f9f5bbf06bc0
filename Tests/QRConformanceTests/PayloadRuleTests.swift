import QRConformance
import Testing

/// Every payload rule, at least one passing and one failing payload each, with the exact message.
@Suite struct PayloadRuleTests {
    static let ascii = "use printable ASCII (0x20–0x7E) only"
    static let layout = "SoGiayTo|HoTen|NgaySinh|LoaiDinhDanh|QID|EXT"
    static let masked = "the QR code must carry the full value; mask only the text shown beside the code"
    static let example = TestSupport.example

    static let cases: [PayloadCase] = [
        PayloadCase("example", example, "PAY-001", .pass, "passed: Payload is printable ASCII only"),
        PayloadCase(
            "diacritic", exampleWith(field: 1, with: "Nguyễn VAN A"), "PAY-001", .fail,
            "the payload has non-ASCII character 'ễ' (U+1EC5) at byte 17; \(ascii), names without diacritics"),
        PayloadCase(
            "NUL byte", bytes: Array("001093029317".utf8) + [0] + Array(example.utf8.dropFirst(12)), "PAY-001", .fail,
            "the payload has control byte 0x00 at byte 12; \(ascii)"),
        PayloadCase(
            "BOM", bytes: [0xEF, 0xBB, 0xBF] + Array(example.utf8), "PAY-001", .fail,
            "the payload starts with a UTF-8 byte order mark (EF BB BF); remove it and \(ascii)"),
        PayloadCase(
            "invalid UTF-8", bytes: [0xFF] + Array(example.utf8), "PAY-001", .fail,
            "the payload has byte 0xFF at byte 0, which is not valid UTF-8; \(ascii)"),
        PayloadCase("example", example, "PAY-002", .pass, "passed: Exactly 6 fields separated by |"),
        PayloadCase("empty", "", "PAY-002", .fail, "the payload is empty; expected 6 fields \(layout)"),
        PayloadCase(
            "5 fields", "001093029317|NGUYEN VAN A|1987-01-18|0|162979388586171100", "PAY-002", .fail,
            "the payload has 5 fields separated by '|'; expected exactly 6: \(layout)"),
        PayloadCase(
            "7 fields", example + "|X", "PAY-002", .fail,
            "the payload has 7 fields separated by '|'; expected exactly 6: \(layout)"),
        PayloadCase(
            "pipes at the ends", "|" + example + "|", "PAY-002", .fail,
            "the payload has 8 fields separated by '|'; expected exactly 6: \(layout); the payload starts with '|'"),
        PayloadCase(
            "10 kB", String(repeating: "A", count: 10_240), "PAY-002", .fail,
            "the payload has 1 fields separated by '|'; expected exactly 6: \(layout)"),
        PayloadCase("CCCD", example, "PAY-003", .pass, "passed: ID number is a CMND, CCCD or passport number"),
        PayloadCase(
            "CMND", exampleWith(field: 0, with: "012345678"), "PAY-003", .pass,
            "passed: ID number is a CMND, CCCD or passport number"),
        PayloadCase(
            "passport", exampleWith(field: 0, with: "C1234567"), "PAY-003", .pass,
            "passed: ID number is a CMND, CCCD or passport number"),
        PayloadCase(
            "10 digits", exampleWith(field: 0, with: "0123456789"), "PAY-003", .fail,
            "the ID number has 10 digits; a CMND number has 9 digits and a CCCD number 12"),
        PayloadCase(
            "masked", exampleWith(field: 0, with: "******029317"), "PAY-003", .fail,
            "the ID number has '*' at character 1; use digits (CMND, CCCD) or uppercase letters and digits "
                + "(passport) only"),
        PayloadCase(
            "short passport", exampleWith(field: 0, with: "AB12"), "PAY-003", .fail,
            "the passport number has 4 characters; expected 6 to 20 uppercase letters and digits"),
        PayloadCase(
            "empty", exampleWith(field: 0, with: ""), "PAY-003", .fail,
            "the ID number (SoGiayTo) is empty; put the CMND, CCCD or passport number in the first field"),
        PayloadCase(
            "5 fields", "1|2|3|4|5", "PAY-003", .notApplicable, "the payload does not have 6 fields (see PAY-002)"),
        PayloadCase("example", example, "PAY-004", .pass, "passed: The code carries full values, not masked ones"),
        PayloadCase(
            "masked ID", exampleWith(field: 0, with: "******029317"), "PAY-004", .fail,
            "SoGiayTo contains '*' at character 1: \(masked)"),
        PayloadCase(
            "masked date", exampleWith(field: 2, with: "1987-**-**"), "PAY-004", .fail,
            "NgaySinh contains '*' at character 6: \(masked)"),
        PayloadCase(
            "masked phone", exampleWith(field: 5, with: "<1<HS4010120878821<0944******"), "PAY-004", .fail,
            "EXT[3] (phone) contains '*' at character 5: \(masked)"),
        PayloadCase(
            "example", example, "PAY-005", .pass, "passed: Name in uppercase A-Z words separated by single spaces"),
        PayloadCase(
            "Nguyễn", exampleWith(field: 1, with: "Nguyễn Văn A"), "PAY-005", .fail,
            "the name has 'g' at character 2; write names in uppercase A–Z without diacritics ('g' → 'G'): "
                + "'NGUYEN VAN A'"),
        PayloadCase(
            "NGUYỄN", exampleWith(field: 1, with: "NGUYỄN VĂN A"), "PAY-005", .fail,
            "the name has 'Ễ' (U+1EC4) at character 5; write names in uppercase A–Z without diacritics "
                + "('Ễ' → 'E'): 'NGUYEN VAN A'"),
        PayloadCase(
            "Đ", exampleWith(field: 1, with: "ĐO VAN A"), "PAY-005", .fail,
            "the name has 'Đ' (U+0110) at character 1; write names in uppercase A–Z without diacritics "
                + "('Đ' → 'D'): 'DO VAN A'"),
        PayloadCase(
            "double space", exampleWith(field: 1, with: "NGUYEN  VAN A"), "PAY-005", .fail,
            "the name has two spaces in a row at character 8; separate words with a single space"),
        PayloadCase(
            "leading space", exampleWith(field: 1, with: " NGUYEN VAN A"), "PAY-005", .fail,
            "the name starts with a space; remove leading and trailing spaces"),
        PayloadCase(
            "trailing space", exampleWith(field: 1, with: "NGUYEN VAN A "), "PAY-005", .fail,
            "the name ends with a space; remove leading and trailing spaces"),
        PayloadCase(
            "hyphen", exampleWith(field: 1, with: "NGUYEN-VAN A"), "PAY-005", .fail,
            "the name has '-' at character 7; use only uppercase letters A–Z and single spaces"),
        PayloadCase(
            "empty", exampleWith(field: 1, with: ""), "PAY-005", .fail,
            "the name (HoTen) is empty; write the full name in uppercase A–Z"),
        PayloadCase(
            "101 characters", exampleWith(field: 1, with: String(repeating: "A", count: 101)), "PAY-005", .fail,
            "the name has 101 characters; the limit is 100"),
        PayloadCase("example", example, "PAY-006", .pass, "passed: Birth date is YYYY-MM-DD and a real calendar date"),
        PayloadCase(
            "validation day", exampleWith(field: 2, with: "2026-01-01"), "PAY-006", .pass,
            "passed: Birth date is YYYY-MM-DD and a real calendar date"),
        PayloadCase(
            "2021-02-29", exampleWith(field: 2, with: "2021-02-29"), "PAY-006", .fail,
            "the birth date (NgaySinh) is not a real calendar date; check the month and day"),
        PayloadCase(
            "day first", exampleWith(field: 2, with: "18/01/1987"), "PAY-006", .fail,
            "the birth date (NgaySinh) is not in the form YYYY-MM-DD with zero-padded digits"),
        PayloadCase(
            "unpadded", exampleWith(field: 2, with: "1987-1-18"), "PAY-006", .fail,
            "the birth date (NgaySinh) is not in the form YYYY-MM-DD with zero-padded digits"),
        PayloadCase(
            "1899", exampleWith(field: 2, with: "1899-12-31"), "PAY-006", .fail, "the birth date is before 1900-01-01"),
        PayloadCase(
            "future", exampleWith(field: 2, with: "2026-01-02"), "PAY-006", .fail,
            "the birth date is after the validation date 2026-01-01"),
        PayloadCase("0", example, "PAY-007", .pass, "passed: LoaiDinhDanh is 0 or 1"),
        PayloadCase(
            "2", exampleWith(field: 3, with: "2"), "PAY-007", .fail, "LoaiDinhDanh is '2'; expected one of 0, 1"),
        PayloadCase("18 digits", example, "PAY-008", .pass, "passed: QID is a non-empty string of letters and digits"),
        PayloadCase(
            "empty", exampleWith(field: 4, with: ""), "PAY-008", .fail,
            "the QID is empty; put the QID issued by the national QR platform in the fifth field"),
        PayloadCase(
            "hyphen", exampleWith(field: 4, with: "1629-7938"), "PAY-008", .fail,
            "the QID has '-' at character 5; use only letters and digits"),
        PayloadCase(
            "65 characters", exampleWith(field: 4, with: String(repeating: "7", count: 65)), "PAY-008", .fail,
            "the QID has 65 characters; the limit is 64"),
        PayloadCase("1", example, "PAY-009", .pass, "passed: Gender is empty or 0, 1 or 2"),
        PayloadCase(
            "empty EXT", exampleWith(field: 5, with: ""), "PAY-009", .pass, "passed: Gender is empty or 0, 1 or 2"),
        PayloadCase(
            "3", exampleWith(field: 5, with: "<3<HS4010120878821<0944713700"), "PAY-009", .fail,
            "EXT[1] (gender) is '3'; expected empty or one of 0, 1, 2"),
        PayloadCase(
            "15 characters", example, "PAY-010", .pass,
            "passed: Health insurance number is empty or 2 letters and 13 digits"),
        PayloadCase(
            "absent", exampleWith(field: 5, with: "<1"), "PAY-010", .pass,
            "passed: Health insurance number is empty or 2 letters and 13 digits"),
        PayloadCase(
            "13 characters", exampleWith(field: 5, with: "<1<HS40101208788<0944713700"), "PAY-010", .warn,
            "EXT[2] (insurance number) is not 2 uppercase letters followed by 13 digits"),
        PayloadCase("10 digits", example, "PAY-011", .pass, "passed: Phone is empty or 10 digits starting with 0"),
        PayloadCase(
            "+84", exampleWith(field: 5, with: "<1<HS4010120878821<+84944713700"), "PAY-011", .warn,
            "EXT[3] (phone) is not 10 digits starting with 0 (national format, no +84)"),
        PayloadCase(
            "self-declared", example, "PAY-012", .pass,
            "passed: LoaiDinhDanh is 1 if and only if EXT holds the on-behalf QID"),
        PayloadCase(
            "on behalf with QID", exampleWith(field: 3, with: "1").replacingOccurrences(of: "|<1<", with: "|77<1<"),
            "PAY-012", .pass, "passed: LoaiDinhDanh is 1 if and only if EXT holds the on-behalf QID"),
        PayloadCase(
            "on behalf without QID", exampleWith(field: 3, with: "1"), "PAY-012", .warn,
            "LoaiDinhDanh is 1 (declared on someone's behalf) but EXT[0] (on-behalf QID) is empty; put the "
                + "declarer's QID there"),
        PayloadCase(
            "QID without on behalf", example.replacingOccurrences(of: "|<1<", with: "|77<1<"), "PAY-012", .warn,
            "EXT[0] (on-behalf QID) holds a QID but LoaiDinhDanh is '0'; set LoaiDinhDanh to 1 or leave EXT[0] "
                + "(on-behalf QID) empty"),
    ]

    @Test(arguments: cases)
    func ruleJudgesPayload(_ testCase: PayloadCase) throws {
        let finding = try TestSupport.finding(testCase.rule, payload: testCase.bytes)
        #expect(finding.outcome == testCase.outcome)
        #expect(finding.message == testCase.message)
    }

    @Test func everyPayloadRuleHasAPassingAndAFailingCase() throws {
        let spec = try TestSupport.loadedSpec().spec
        for rule in spec.rules where rule.area == .payload {
            let outcomes = Set(Self.cases.filter { $0.rule == rule.id }.map(\.outcome))
            #expect(outcomes.contains(.pass), "\(rule.id) has no passing case")
            #expect(outcomes.contains(.fail) || outcomes.contains(.warn), "\(rule.id) has no failing case")
        }
    }
}
