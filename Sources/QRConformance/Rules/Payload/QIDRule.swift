/// PAY-008: QID is a non-empty string of ASCII letters and digits, not longer than the limit.
public struct QIDRule: ConformanceRule {
    public let id = "PAY-008"
    public let parameterTypes: [String: ParameterType] = ["max_length": .integer]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let maxLength = context.parameters.integer("max_length") else { return .missingParameter("max_length") }
        guard let field = context.fields?.qid else { return RuleContext.notSixFields }
        let limit = "1–\(maxLength) letters and digits"
        let location = context.location("QID")
        if field.isEmpty {
            return .violation(
                "the QID is empty; put the QID issued by the national QR platform in the fifth field",
                Evidence(measured: "empty", limit: limit, where: location))
        }
        let characters = Array(field.text)
        if let index = characters.firstIndex(where: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }) {
            let shown = RuleText.character(characters[index])
            return .violation(
                "the QID has \(shown) at character \(index + 1); use only letters and digits",
                Evidence(measured: "\(shown) at character \(index + 1)", limit: limit, where: location))
        }
        if characters.count > maxLength {
            return .violation(
                "the QID has \(characters.count) characters; the limit is \(maxLength)",
                Evidence(measured: "\(characters.count) characters", limit: limit, where: location))
        }
        return .pass(Evidence(measured: "\(characters.count) characters", limit: limit, where: location))
    }
}
