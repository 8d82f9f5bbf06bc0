import QRSymbol

/// DSP-004: in default mode the birth date is shown with the day and month hidden by `*`: `YYYY-**-**`.
public struct MaskedBirthDateShownRule: ConformanceRule {
    public let id = "DSP-004"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = [
        "min_confidence": .number, "min_text_height": .integer, "min_glyph_height": .integer,
        "min_text_contrast": .number, "glyph_slack": .integer,
        "icon_aspect": .number, "full_glyph_ratio": .number,
        "mask_character": .string,
    ]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let maskText = context.parameters.string("mask_character"), let mask = maskText.first,
            maskText.count == 1
        else { return .missingParameter("mask_character") }
        let inputs: DisplayInputs
        switch context.displayInputs(appliesTo: [.default]) {
        case .success(let value): inputs = value
        case .failure(let unjudged): return unjudged.result
        }
        guard let date = CalendarDate(iso: inputs.fields.ngaySinh.text) else {
            return .notApplicable("the payload's birth date is not a calendar date (see PAY-006)")
        }
        let hidden = String(repeating: mask, count: 2)
        let expected = "\(date.description.prefix(4))-\(hidden)-\(hidden)"
        let limit = "'\(expected)' (or '\(hidden)/\(hidden)/\(date.description.prefix(4))')"
        let candidates = inputs.search.dateCandidates(date)
        let isExact: (DateCandidate) -> Bool = { $0.month == hidden && $0.day == hidden }
        if let exact = candidates.first(where: { isExact($0) && inputs.isConfident($0.match) }) {
            return .pass(
                Evidence(
                    measured: "'\(exact.match.shown)'" + OCRTolerance.note(exact.match.tolerances), limit: limit,
                    at: exact.match))
        }
        if let wrong = candidates.first(where: { !$0.isFull && !isExact($0) && inputs.isConfident($0.match) }) {
            var details: [String] = []
            if wrong.day.contains("#") { details.append("the day is shown") }
            if wrong.month.contains("#") { details.append("the month is shown") }
            let others = Array(Set((wrong.day + wrong.month).filter { $0 != mask && $0 != "#" })).sorted().prefix(3)
            if !others.isEmpty {
                details.append(others.map(RuleText.character).joined(separator: ", ") + " instead of '\(mask)'")
            }
            if details.isEmpty { details.append("the day and month must be 2 '\(mask)' each") }
            let hiddenNote = wrong.match.shown.contains("#") ? " (# = a digit hidden in this report)" : ""
            return .violation(
                "the masked birth date reads '\(wrong.match.shown)'\(hiddenNote): \(details.joined(separator: "; ")); "
                    + "the guidance hides the day and month with '\(mask)': '\(expected)'",
                Evidence(
                    measured: "'\(wrong.match.shown)'" + OCRTolerance.note(wrong.match.tolerances), limit: limit,
                    at: wrong.match))
        }
        // A full date read with confidence is no unsure mask: it is the leak DSP-003 fails on.
        if let unsure = candidates.first(where: { !$0.isFull || !inputs.isConfident($0.match) }) {
            return inputs.unsure(unsure.match, reads: unsure.match.shown, limit: limit)
        }
        if let unread = inputs.unread(
            "the birth date", glyphs: CalendarDate.shownGlyphs, forms: [String(format: "%04d", date.year)])
        {
            return unread
        }
        // The full value shown does not say the masked one is not shown too: the leak fails its own rule.
        let leak = candidates.contains(where: \.isFull)
        return inputs.notFound(
            "the masked birth date ('\(expected)')", glyphs: CalendarDate.shownGlyphs, limit: limit,
            note: leak ? "the full date is shown (DSP-003 fails on it)" : nil)
    }
}
