import QRSymbol
import QRText

/// DSP-007: the name is shown beside the code, with or without diacritics (`Nguyễn Lê` matches `NGUYEN LE`).
public struct NameShownRule: ConformanceRule {
    public let id = "DSP-007"
    public let canBeInconclusive = true
    public let parameterTypes: [String: ParameterType] = [
        "min_confidence": .number, "min_text_height": .integer, "min_glyph_height": .integer,
        "min_text_contrast": .number, "glyph_slack": .integer,
        "icon_aspect": .number, "full_glyph_ratio": .number,
    ]

    public init() {}

    public func evaluate(_ context: RuleContext) -> RuleResult {
        let inputs: DisplayInputs
        switch context.displayInputs(appliesTo: [.default, .full]) {
        case .success(let value): inputs = value
        case .failure(let unjudged): return unjudged.result
        }
        let name = inputs.fields.hoTen.text
        let limit = "the name, letters compared without diacritics, case or spaces"
        if let shown = inputs.search.name(name) {
            // The name read in text too small to read reliably is shown, but not legibly enough to vouch for.
            if inputs.isTooSmall(shown) {
                return inputs.unsure(shown, reads: shown.shown, limit: limit, tooSmall: true)
            }
            return .pass(
                Evidence(measured: "name shown" + OCRTolerance.note(shown.tolerances), limit: limit, at: shown))
        }
        let longest = name.split(separator: " ").map { GlyphCount.of(String($0)) }.max() ?? 1
        if let unread = inputs.unread("the name", glyphs: longest, forms: []) { return unread }
        return inputs.notFound("the name \(RuleText.quoted(name))", glyphs: longest, limit: limit)
    }
}
