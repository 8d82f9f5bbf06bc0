/// PAY-002: the payload splits on `|` into exactly the expected number of fields.
public struct FieldCountRule: ConformanceRule {
    public let id = "PAY-002"
    public let parameterTypes: [String: ParameterType] = ["field_count": .integer]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let expected = context.parameters.integer("field_count") else { return .missingParameter("field_count") }
        guard let parse = context.payload else { return .notApplicable("no payload was read (see SYM-001)") }
        let count = parse.fields.count
        let evidence = Evidence(
            measured: "\(count) fields", limit: "\(expected) fields", where: context.location("payload"))
        let layout = "SoGiayTo|HoTen|NgaySinh|LoaiDinhDanh|QID|EXT"
        if parse.bytes.isEmpty {
            return .violation("the payload is empty; expected \(expected) fields \(layout)", evidence)
        }
        guard count == expected else {
            let hint = parse.bytes.first == 0x7C ? "; the payload starts with '|'" : ""
            return .violation(
                "the payload has \(count) fields separated by '|'; expected exactly \(expected): \(layout)\(hint)",
                evidence)
        }
        return .pass(evidence)
    }
}
