import Foundation
import QRHarness
import Testing

struct ValidationTimeTests {
    static let accepted: [(String, TimeInterval)] = [
        ("2026-01-02T03:04:05Z", 1_767_323_045),
        ("2026-01-02T10:04:05+07:00", 1_767_323_045),
        ("2026-01-01T20:04:05-07:00", 1_767_323_045),
        ("2026-01-02T03:04:05.5Z", 1_767_323_045.5),
        ("2026-01-02", 1_767_312_000),
        ("2024-02-29T00:00:00Z", 1_709_164_800),
        ("1969-12-31T23:59:59Z", -1),
    ]

    @Test(arguments: accepted)
    func rfc3339Times(_ c: (String, TimeInterval)) {
        #expect(ValidationTime.parse(c.0) == Date(timeIntervalSince1970: c.1))
    }

    static let refused: [(String, ValidationTime.Problem)] = [
        ("2026-02-30", .noSuchDate),
        ("2025-02-29T00:00:00Z", .noSuchDate),
        ("2026-13-01", .noSuchDate),
        ("2026-06-01T00:00:00+99:99", .outOfRange),
        ("2026-06-01T24:00:00Z", .outOfRange),
        ("2026-06-01T00:00:60Z", .outOfRange),
        ("2026-06-01T00:00:00Zjunk", .notRFC3339),
        ("2026-06-01Tgarbage", .notRFC3339),
        ("２０２６-06-01", .notRFC3339),
        ("2026-06-01T00:00:00", .notRFC3339),
        ("2026-06-01T00:00:00.Z", .notRFC3339),
        ("2026-06-01 00:00:00Z", .notRFC3339),
        ("2026-6-1", .notRFC3339),
        ("", .notRFC3339),
    ]

    @Test(arguments: refused)
    func everythingElseIsRefused(_ c: (String, ValidationTime.Problem)) {
        #expect(throws: c.1) { try ValidationTime.parseStrict(c.0) }
    }
}
