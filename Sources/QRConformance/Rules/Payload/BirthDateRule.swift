/// PAY-006: NgaySinh is `YYYY-MM-DD`, a real date, not before the earliest date nor after the validation date.
public struct BirthDateRule: ConformanceRule {
    public let id = "PAY-006"
    public let parameterTypes: [String: ParameterType] = ["earliest": .date]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let earliest = context.parameters.date("earliest") else { return .missingParameter("earliest") }
        guard let field = context.fields?.ngaySinh else { return RuleContext.notSixFields }
        let today = CalendarDate(utc: context.validationTime)
        let limit = "YYYY-MM-DD from \(earliest) to \(today)"
        let location = context.location("NgaySinh")
        let bytes = field.bytes
        let shaped =
            bytes.count == 10 && bytes[4] == 0x2D && bytes[7] == 0x2D
            && bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || RuleText.isDigit($0.element) }
        guard shaped else {
            return .violation(
                "the birth date (NgaySinh) is not in the form YYYY-MM-DD with zero-padded digits",
                Evidence(measured: "not YYYY-MM-DD", limit: limit, where: location))
        }
        guard let date = CalendarDate(iso: field.text) else {
            return .violation(
                "the birth date (NgaySinh) is not a real calendar date; check the month and day",
                Evidence(measured: "no such date", limit: limit, where: location))
        }
        if date < earliest {
            return .violation(
                "the birth date is before \(earliest)",
                Evidence(measured: "before \(earliest)", limit: limit, where: location))
        }
        if date > today {
            return .violation(
                "the birth date is after the validation date \(today)",
                Evidence(measured: "after \(today)", limit: limit, where: location))
        }
        return .pass(Evidence(measured: "valid date", limit: limit, where: location))
    }
}
