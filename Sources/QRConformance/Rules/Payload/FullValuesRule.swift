/// PAY-004: the code carries full values; a mask character in SoGiayTo, NgaySinh or EXT means the app masked the code.
public struct FullValuesRule: ConformanceRule {
    public let id = "PAY-004"
    public let parameterTypes: [String: ParameterType] = ["mask_character": .string]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let mask = context.parameters.string("mask_character"), let maskCharacter = mask.first else {
            return .missingParameter("mask_character")
        }
        guard let fields = context.fields else { return RuleContext.notSixFields }
        var checked: [(String, PayloadField)] = [("SoGiayTo", fields.soGiayTo), ("NgaySinh", fields.ngaySinh)]
        for (index, field) in fields.extFields.enumerated() {
            let label = PersonalQRPayload.ExtPosition(rawValue: index)?.label ?? "EXT[\(index)]"
            checked.append((label, field))
        }
        for (label, field) in checked {
            guard let index = field.text.firstIndex(of: maskCharacter) else { continue }
            let position = field.text.distance(from: field.text.startIndex, to: index) + 1
            return .violation(
                "\(label) contains '\(maskCharacter)' at character \(position): the QR code must carry the full "
                    + "value; mask only the text shown beside the code",
                Evidence(
                    measured: "'\(maskCharacter)' at character \(position)", limit: "no '\(maskCharacter)'",
                    where: context.location(label)))
        }
        return .pass(
            Evidence(
                measured: "no '\(maskCharacter)'", limit: "no '\(maskCharacter)'",
                where: context.location("SoGiayTo, NgaySinh, EXT")))
    }
}
