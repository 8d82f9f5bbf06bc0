/// PAY-003: SoGiayTo is a CMND (digits), CCCD (digits) or passport number (uppercase letters and digits).
public struct IDNumberRule: ConformanceRule {
    public let id = "PAY-003"
    public let parameterTypes: [String: ParameterType] = [
        "cmnd_length": .integer, "cccd_length": .integer, "passport_min_length": .integer,
        "passport_max_length": .integer,
    ]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        let parameters = context.parameters
        guard let cmnd = parameters.integer("cmnd_length") else { return .missingParameter("cmnd_length") }
        guard let cccd = parameters.integer("cccd_length") else { return .missingParameter("cccd_length") }
        guard let low = parameters.integer("passport_min_length") else {
            return .missingParameter("passport_min_length")
        }
        guard let high = parameters.integer("passport_max_length") else {
            return .missingParameter("passport_max_length")
        }
        guard let field = context.fields?.soGiayTo else { return RuleContext.notSixFields }
        let bytes = field.bytes
        let limit = "CMND \(cmnd) digits, CCCD \(cccd) digits, passport \(low)–\(high) letters and digits"
        let location = context.location("SoGiayTo")
        if bytes.isEmpty {
            return .violation(
                "the ID number (SoGiayTo) is empty; put the CMND, CCCD or passport number in the first field",
                Evidence(measured: "empty", limit: limit, where: location))
        }
        if let index = field.text.firstIndex(where: { !($0.isASCII && ($0.isNumber || $0.isUppercase)) }) {
            let position = field.text.distance(from: field.text.startIndex, to: index) + 1
            return .violation(
                "the ID number has \(RuleText.character(field.text[index])) at character \(position); use digits "
                    + "(CMND, CCCD) or uppercase letters and digits (passport) only",
                Evidence(measured: "character \(position) not A–Z or 0–9", limit: limit, where: location))
        }
        let count = bytes.count
        if bytes.allSatisfy(RuleText.isDigit) {
            let kind = count == cmnd ? "CMND" : count == cccd ? "CCCD" : nil
            guard let kind else {
                return .violation(
                    "the ID number has \(count) digits; a CMND number has \(cmnd) digits and a CCCD number \(cccd)",
                    Evidence(measured: "\(count) digits", limit: limit, where: location))
            }
            return .pass(Evidence(measured: "\(kind), \(count) digits", limit: limit, where: location))
        }
        guard (low...max(low, high)).contains(count) else {
            return .violation(
                "the passport number has \(count) characters; expected \(low) to \(high) uppercase letters and digits",
                Evidence(measured: "\(count) characters", limit: limit, where: location))
        }
        return .pass(Evidence(measured: "passport, \(count) characters", limit: limit, where: location))
    }
}
