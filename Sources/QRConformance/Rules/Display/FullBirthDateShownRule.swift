import QRSymbol

/// DSP-006: in full mode the whole birth date is shown.
public struct FullBirthDateShownRule: ConformanceRule {
    public let id = "DSP-006"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = [
        "min_confidence": .number, "min_text_height": .integer, "min_glyph_height": .integer,
        "min_text_contrast": .number, "glyph_slack": .integer,
        "icon_aspect": .number, "full_glyph_ratio": .number,
    ]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        let inputs: DisplayInputs
        switch context.displayInputs(appliesTo: [.full]) {
        case .success(let value): inputs = value
        case .failure(let unjudged): return unjudged.result
        }
        guard let date = CalendarDate(iso: inputs.fields.ngaySinh.text) else {
            return .notApplicable("the payload's birth date is not a calendar date (see PAY-006)")
        }
        let limit = "day, month and year shown in full mode"
        let candidates = inputs.search.dateCandidates(date)
        if let shown = candidates.first(where: \.isFull) {
            guard inputs.isConfident(shown.match, exactValue: true) else {
                return inputs.unsure(shown.match, reads: shown.match.shown, limit: limit)
            }
            return .pass(
                Evidence(
                    measured: "full birth date shown" + OCRTolerance.note(shown.match.tolerances), limit: limit,
                    at: shown.match))
        }
        if let masked = candidates.first {
            guard inputs.isConfident(masked.match) else {
                return inputs.unsure(masked.match, reads: masked.match.shown, limit: limit)
            }
            return .violation(
                "the birth date is shown masked ('\(masked.match.shown)') although the screenshot is declared full mode; "
                    + "show the day and month",
                Evidence(measured: "'\(masked.match.shown)'", limit: limit, at: masked.match))
        }
        if let unread = inputs.unread("the birth date", glyphs: CalendarDate.shownGlyphs, forms: date.digitForms) {
            return unread
        }
        return inputs.notFound("the full birth date", glyphs: CalendarDate.shownGlyphs, limit: limit)
    }
}
