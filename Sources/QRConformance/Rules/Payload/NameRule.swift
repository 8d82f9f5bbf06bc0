/// PAY-005: HoTen is uppercase A–Z words separated by single spaces; the message shows the plain form to write.
public struct NameRule: ConformanceRule {
    public let id = "PAY-005"
    public let parameterTypes: [String: ParameterType] = ["max_length": .integer]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let maxLength = context.parameters.integer("max_length") else { return .missingParameter("max_length") }
        guard let field = context.fields?.hoTen else { return RuleContext.notSixFields }
        let name = field.text
        let limit = "A–Z words, single spaces, at most \(maxLength) characters"
        let location = context.location("HoTen")
        func violation(_ message: String, _ measured: String) -> RuleResult {
            .violation(message, Evidence(measured: measured, limit: limit, where: location))
        }
        if name.isEmpty {
            return violation("the name (HoTen) is empty; write the full name in uppercase A–Z", "empty")
        }
        let characters = Array(name)
        if characters.count > maxLength {
            return violation(
                "the name has \(characters.count) characters; the limit is \(maxLength)",
                "\(characters.count) characters")
        }
        if characters.first == " " {
            return violation("the name starts with a space; remove leading and trailing spaces", "leading space")
        }
        for (index, character) in characters.enumerated() {
            let position = index + 1
            if character == " " {
                if index > 0, characters[index - 1] == " " {
                    return violation(
                        "the name has two spaces in a row at character \(position); separate words with a single space",
                        "double space at character \(position)")
                }
                continue
            }
            if character.isASCII, character.isUppercase { continue }
            let plain = NameTransliteration.plain(character)
            let shown = RuleText.character(character)
            if plain.isEmpty {
                return violation(
                    "the name has \(shown) at character \(position); use only uppercase letters A–Z and single spaces",
                    "\(shown) at character \(position)")
            }
            return violation(
                "the name has \(shown) at character \(position); write names in uppercase A–Z without diacritics "
                    + "('\(character)' → '\(plain)'): '\(NameTransliteration.suggestedName(name))'",
                "\(shown) at character \(position)")
        }
        if characters.last == " " {
            return violation("the name ends with a space; remove leading and trailing spaces", "trailing space")
        }
        return .pass(Evidence(measured: "\(characters.count) characters", limit: limit, where: location))
    }
}
