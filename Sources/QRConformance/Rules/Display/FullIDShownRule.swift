import QRSymbol
import QRText

/// DSP-005: in full mode the whole ID number is shown.
public struct FullIDShownRule: ConformanceRule {
    public let id = "DSP-005"
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
        let number = inputs.fields.soGiayTo.text
        let limit = "all \(number.count) characters shown in full mode"
        if let shown = inputs.search.fullIDNumber(number).first {
            guard inputs.isConfident(shown, exactValue: true) else {
                return inputs.unsure(shown, reads: shown.shown, limit: limit)
            }
            return .pass(
                Evidence(
                    measured: "full ID number shown" + OCRTolerance.note(shown.tolerances), limit: limit,
                    at: shown))
        }
        if let masked = inputs.search.maskedIDCandidates(number).first {
            guard inputs.isConfident(masked.match) else {
                return inputs.unsure(masked.match, reads: masked.match.shown, limit: limit)
            }
            return .violation(
                "the ID number is shown masked ('\(masked.match.shown)') although the screenshot is declared full mode; "
                    + "show all \(number.count) characters",
                Evidence(measured: "'\(masked.match.shown)'", limit: limit, at: masked.match))
        }
        if let unread = inputs.unread("the ID number", glyphs: GlyphCount.of(number), forms: [number]) { return unread }
        return inputs.notFound("the full ID number", glyphs: GlyphCount.of(number), limit: limit)
    }
}
