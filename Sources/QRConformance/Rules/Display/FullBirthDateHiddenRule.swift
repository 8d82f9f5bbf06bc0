import QRSymbol

/// DSP-003: in default mode the full birth date appears nowhere in the screen text; a leak fails.
public struct FullBirthDateHiddenRule: ConformanceRule {
    public let id = "DSP-003"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = [
        "min_confidence": .number, "min_text_height": .integer, "min_glyph_height": .integer,
        "min_text_contrast": .number, "glyph_slack": .integer,
        "icon_aspect": .number, "full_glyph_ratio": .number,
    ]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        let inputs: DisplayInputs
        switch context.displayInputs(appliesTo: [.default]) {
        case .success(let value): inputs = value
        case .failure(let unjudged): return unjudged.result
        }
        guard let date = CalendarDate(iso: inputs.fields.ngaySinh.text) else {
            return .notApplicable("the payload's birth date is not a calendar date (see PAY-006)")
        }
        let limit = "not shown in default mode"
        if let leak = inputs.search.dateCandidates(date).first(where: \.isFull) {
            return .violation(
                "the full birth date is shown in default mode; show it as '\(PersonalDataMask.birthDate(date.description))' "
                    + "until the user switches to full",
                Evidence(
                    measured: "full birth date shown" + OCRTolerance.note(leak.match.tolerances), limit: limit,
                    at: leak.match))
        }
        if let unread = inputs.unread("the birth date", glyphs: CalendarDate.shownGlyphs, forms: date.digitForms) {
            return unread
        }
        let iso = date.description
        let dayFirst = "\(iso.suffix(2))/\(iso.dropFirst(5).prefix(2))/\(iso.prefix(4))"
        let near =
            inputs.search.nearMisses(of: iso) + inputs.search.nearMisses(of: dayFirst)
            + inputs.search.lostDigitMisses(of: iso) + inputs.search.lostDigitMisses(of: dayFirst)
        if let near = near.first {
            return inputs.nearMiss(near, of: "the full birth date", limit: limit)
        }
        return .pass(Evidence(measured: "full birth date not shown", limit: limit, where: inputs.wholeScreen))
    }
}
