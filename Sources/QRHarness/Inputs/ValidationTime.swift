import Foundation

/// Parses `--at` and manifest validation times: RFC 3339 only, with a real calendar date.
///
/// Accepted: `2026-01-02T03:04:05Z`, `2026-01-02T03:04:05.250+07:00` (`T` and `Z` upper case, ASCII digits, offset
/// at most ±23:59, no leap second), and a bare date `2026-01-02`, meaning midnight UTC. Anything else, including
/// dates that do not exist (`2026-02-30`), is refused rather than rolled over.
public enum ValidationTime {
    /// Why a text is not a validation time; shown after the value.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case notRFC3339
        case noSuchDate
        case outOfRange

        public var description: String {
            switch self {
            case .notRFC3339:
                "not an RFC 3339 time such as 2026-01-02T03:04:05Z or 2026-01-02T10:04:05+07:00, nor a date such as 2026-01-02"
            case .noSuchDate: "not a calendar date"
            case .outOfRange: "the hour, minute, second or offset is out of range"
            }
        }
    }

    public static func parse(_ text: String) -> Date? { try? parseStrict(text) }

    public static func parseStrict(_ text: String) throws(Problem) -> Date {
        let bytes = Array(text.utf8)
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<start + count] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        func byte(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }
        guard let year = digits(0, 4), byte(4) == 0x2D, let month = digits(5, 2), byte(7) == 0x2D,
            let day = digits(8, 2)
        else { throw .notRFC3339 }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { throw .noSuchDate }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        if bytes.count == 10 { return Date(timeIntervalSince1970: Double(days) * 86_400) }
        guard byte(10) == 0x54, let hour = digits(11, 2), byte(13) == 0x3A, let minute = digits(14, 2),
            byte(16) == 0x3A, let second = digits(17, 2)
        else { throw .notRFC3339 }
        var index = 19
        var fraction = 0.0
        if byte(index) == 0x2E {
            var scale = 0.1
            index += 1
            let start = index
            while let next = byte(index), (0x30...0x39).contains(next) {
                fraction += Double(next - 0x30) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { throw .notRFC3339 }
        }
        let offset: Int
        if byte(index) == 0x5A, index + 1 == bytes.count {
            offset = 0
        } else if let sign = byte(index), sign == 0x2B || sign == 0x2D, let hours = digits(index + 1, 2),
            byte(index + 3) == 0x3A, let minutes = digits(index + 4, 2), index + 6 == bytes.count
        {
            guard hours <= 23, minutes <= 59 else { throw .outOfRange }
            offset = (sign == 0x2B ? 1 : -1) * (hours * 3600 + minutes * 60)
        } else {
            throw .notRFC3339
        }
        guard hour <= 23, minute <= 59, second <= 59 else { throw .outOfRange }
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// The usage error for a bad `--at`, naming the value and what is wrong with it.
    public static func usageMessage(_ text: String) -> String? {
        do {
            _ = try parseStrict(text)
            return nil
        } catch {
            return "--at '\(text)': \(error.description)"
        }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Now, truncated to whole seconds so a report written now can be reproduced with `--at`.
    public static func now() -> Date {
        Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    }
}
