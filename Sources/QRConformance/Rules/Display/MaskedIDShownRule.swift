import QRSymbol
import QRText

/// DSP-002: in default mode the ID number is shown masked exactly as the guidance says: 6 `*`, then the rest.
public struct MaskedIDShownRule: ConformanceRule {
    public let id = "DSP-002"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = [
        "min_confidence": .number, "min_text_height": .integer, "min_glyph_height": .integer,
        "min_text_contrast": .number, "glyph_slack": .integer,
        "icon_aspect": .number, "full_glyph_ratio": .number,
        "mask_character": .string,
        "masked_characters": .integer,
    ]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        guard let maskText = context.parameters.string("mask_character"), let mask = maskText.first,
            maskText.count == 1
        else { return .missingParameter("mask_character") }
        guard let count = context.parameters.integer("masked_characters"), count >= 0 else {
            return .missingParameter("masked_characters")
        }
        let inputs: DisplayInputs
        switch context.displayInputs(appliesTo: [.default]) {
        case .success(let value): inputs = value
        case .failure(let unjudged): return unjudged.result
        }
        let number = inputs.fields.soGiayTo.text
        let expected = String(repeating: mask, count: count) + String(number.dropFirst(count))
        let limit = "'\(expected)': \(count) '\(mask)' then the rest of the number"
        let candidates = inputs.search.maskedIDCandidates(number)
        let isExact: (MaskedIDCandidate) -> Bool = {
            $0.mask == String(repeating: mask, count: count) && $0.digitCount == number.count - count
        }
        if let exact = candidates.first(where: { isExact($0) && inputs.isConfident($0.match) }) {
            return .pass(
                Evidence(
                    measured: "'\(exact.match.shown)'" + OCRTolerance.note(exact.match.tolerances), limit: limit,
                    at: exact.match))
        }
        // A wrong mask is one sign repeated (`*****`, `••••••`, `xxxxxx`): a mask read as a mix of letters, signs and
        // digits (`k*x%*3` for thin grey asterisks) is a reading OCR could not make out, so it decides nothing.
        let isUniform = { (candidate: MaskedIDCandidate) in Set(candidate.mask.lowercased()).count == 1 }
        if let wrong = candidates.first(where: { !isExact($0) && isUniform($0) && inputs.isConfident($0.match) }) {
            var details: [String] = []
            if wrong.mask.count != count { details.append("\(wrong.mask.count) mask characters instead of \(count)") }
            let others = Array(Set(wrong.mask.filter { $0 != mask && $0 != "#" })).sorted().prefix(3)
            if !others.isEmpty {
                details.append(others.map(RuleText.character).joined(separator: ", ") + " instead of '\(mask)'")
            }
            if wrong.digitCount > number.count - count {
                details.append("\(wrong.digitCount - (number.count - count)) more digits shown")
            }
            let hiddenNote = wrong.match.shown.contains("#") ? " (# = a digit hidden in this report)" : ""
            return .violation(
                "the masked ID number reads '\(wrong.match.shown)'\(hiddenNote): \(details.joined(separator: "; ")); "
                    + "the guidance masks the first \(count) characters with '\(mask)': '\(expected)'",
                Evidence(
                    measured: "'\(wrong.match.shown)'" + OCRTolerance.note(wrong.match.tolerances), limit: limit,
                    at: wrong.match))
        }
        if let unsure = candidates.first {
            return inputs.unsure(unsure.match, reads: unsure.match.shown, limit: limit, garbled: !isUniform(unsure))
        }
        if let unread = inputs.unread("the ID number", glyphs: GlyphCount.of(number), forms: [number]) { return unread }
        // The full value shown does not say the masked one is not shown too: the leak fails its own rule.
        let leak = !inputs.search.fullIDNumber(number).isEmpty
        return inputs.notFound(
            "the masked ID number ('\(expected)')", glyphs: GlyphCount.of(number), limit: limit,
            note: leak ? "the full number is shown (DSP-001 fails on it)" : nil)
    }
}
