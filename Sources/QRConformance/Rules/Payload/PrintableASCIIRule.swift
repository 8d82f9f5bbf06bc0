/// PAY-001: every payload byte is printable ASCII; names the first offending byte and what it is.
public struct PrintableASCIIRule: ConformanceRule {
    public let id = "PAY-001"
    public let parameterTypes: [String: ParameterType] = ["min_byte": .integer, "max_byte": .integer]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let low = context.parameters.integer("min_byte") else { return .missingParameter("min_byte") }
        guard let high = context.parameters.integer("max_byte") else { return .missingParameter("max_byte") }
        let bytes = context.payload?.bytes ?? []
        let limit = "\(RuleText.byte(UInt8(clamping: low)))–\(RuleText.byte(UInt8(clamping: high)))"
        let advice = "use printable ASCII (\(limit)) only"
        guard let offset = bytes.firstIndex(where: { Int($0) < low || Int($0) > high }) else {
            return .pass(Evidence(measured: "\(bytes.count) bytes", limit: limit, where: context.location("payload")))
        }
        let byte = bytes[offset]
        let count = bytes.filter { Int($0) < low || Int($0) > high }.count
        let evidence = Evidence(
            measured: "\(count) bytes outside \(limit), first \(RuleText.byte(byte))", limit: limit,
            where: context.location("byte \(offset)"))
        if offset == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return .violation(
                "the payload starts with a UTF-8 byte order mark (EF BB BF); remove it and \(advice)", evidence)
        }
        if byte < 0x80 {
            return .violation(
                "the payload has control byte \(RuleText.byte(byte)) at byte \(offset); \(advice)", evidence)
        }
        if let character = Self.character(startingAt: offset, in: bytes) {
            return .violation(
                "the payload has non-ASCII character \(RuleText.character(character)) at byte \(offset); "
                    + "\(advice), names without diacritics", evidence)
        }
        return .violation(
            "the payload has byte \(RuleText.byte(byte)) at byte \(offset), which is not valid UTF-8; \(advice)",
            evidence)
    }

    /// The UTF-8 character whose first byte is at `offset`, when it is well formed.
    private static func character(startingAt offset: Int, in bytes: [UInt8]) -> Character? {
        let lead = bytes[offset]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard length > 0, offset + length <= bytes.count,
            let text = String(validating: bytes[offset..<(offset + length)], as: UTF8.self)
        else { return nil }
        return text.first
    }
}
