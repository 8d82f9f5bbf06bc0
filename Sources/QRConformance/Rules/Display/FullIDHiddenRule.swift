import QRSymbol
import QRText

/// DSP-001: in default mode the full ID number appears nowhere in the screen text; a leak fails.
public struct FullIDHiddenRule: ConformanceRule {
    public let id = "DSP-001"
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
        let number = inputs.fields.soGiayTo.text
        let limit = "not shown in default mode"
        if let leak = inputs.search.fullIDNumber(number).first {
            return .violation(
                "the full ID number is shown in default mode; show it as '\(PersonalDataMask.idNumber(number))' "
                    + "until the user switches to full",
                Evidence(
                    measured: "full ID number shown" + OCRTolerance.note(leak.tolerances), limit: limit,
                    at: leak))
        }
        if let unread = inputs.unread("the ID number", glyphs: GlyphCount.of(number), forms: [number]) { return unread }
        if let near = (inputs.search.nearMisses(of: number) + inputs.search.lostDigits(of: number)).first {
            return inputs.nearMiss(near, of: "the full ID number", limit: limit)
        }
        return .pass(Evidence(measured: "full ID number not shown", limit: limit, where: inputs.wholeScreen))
    }
}
