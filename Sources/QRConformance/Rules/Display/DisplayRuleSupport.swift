import QRSymbol

/// What every display rule needs: the declared mode, the screen text, and the payload values to look for.
struct DisplayInputs {
    let mode: DisplayMode
    let screen: ScreenText
    let search: ScreenTextSearch
    let fields: PersonalQRPayload
    let minimumConfidence: Double

    /// Why the text cannot support a verdict resting on an absence; nil when it can.
    var unreadableReason: String? { screen.unreadableReason(minimumConfidence: minimumConfidence) }

    /// What would make screen text judgeable when OCR could not read it.
    static let remedy =
        "send the screenshot at the device's full resolution, unscaled, with the text beside the code crisp and in "
        + "clear contrast"

    /// `evidence.where` for a verdict about the whole screen.
    var wholeScreen: String { "screen text, \(screen.words.count) words" }
}

extension RuleContext {
    /// The display inputs, or why the rule is not judged: not applicable (no mode declared, another mode, no six
    /// fields, a code that carries masked values) or inconclusive (no screen text).
    func displayInputs(appliesTo modes: Set<DisplayMode>) -> Result<DisplayInputs, DisplaySkip> {
        guard let minimum = parameters.number("min_confidence") else {
            return .failure(DisplaySkip(.missingParameter("min_confidence")))
        }
        guard let mode = image.displayMode else {
            return .failure(DisplaySkip(.notApplicable("no display mode was declared for this screenshot")))
        }
        guard modes.contains(mode) else {
            let applies = modes.map(\.rawValue).sorted().joined(separator: " or ")
            return .failure(
                DisplaySkip(
                    .notApplicable(
                        "applies to the \(applies) display mode; the screenshot is declared \(mode.rawValue)")))
        }
        guard let fields else { return .failure(DisplaySkip(RuleContext.notSixFields)) }
        guard !fields.soGiayTo.text.contains("*"), !fields.ngaySinh.text.contains("*") else {
            return .failure(
                DisplaySkip(
                    .notApplicable(
                        "the code itself carries a masked ID number or birth date (see PAY-004), so the screen text cannot "
                            + "be judged against it")))
        }
        let words: [RecognizedWord]
        switch image.screenText {
        case .value(let value): words = value
        case .unavailable(let reason):
            return .failure(
                DisplaySkip(.inconclusive("screen text unavailable: \(reason)", remedy: DisplayInputs.remedy)))
        }
        guard !words.isEmpty else {
            return .failure(
                DisplaySkip(
                    .inconclusive(
                        "OCR read no text on the screen",
                        remedy:
                            "show the name, ID number and birth date as text beside the code, in the declared mode, and "
                            + DisplayInputs.remedy)))
        }
        guard let minimumHeight = parameters.integer("min_text_height") else {
            return .failure(DisplaySkip(.missingParameter("min_text_height")))
        }
        guard let minimumContrast = parameters.number("min_text_contrast") else {
            return .failure(DisplaySkip(.missingParameter("min_text_contrast")))
        }
        if let contrast = ScreenText(words: words).medianWordContrast, contrast < minimumContrast {
            return .failure(
                DisplaySkip(
                    .inconclusive(
                        "the text beside the code is too faint to read reliably (median contrast \(RuleText.decimal(contrast, 2)), "
                            + "below \(RuleText.decimal(minimumContrast, 2)))",
                        remedy:
                            "draw the text in clear contrast to its background (at least \(RuleText.decimal(minimumContrast, 2)) "
                            + "of the full grey range), and " + DisplayInputs.remedy)))
        }
        let screen = ScreenText(words: words).legible(minimumHeight: minimumHeight)
        guard !screen.words.isEmpty else {
            return .failure(
                DisplaySkip(
                    .inconclusive(
                        "the text beside the code is below \(minimumHeight) px high, too small to read reliably",
                        remedy: "draw the text at least \(minimumHeight) px high at the device's resolution, and "
                            + DisplayInputs.remedy)))
        }
        return .success(
            DisplayInputs(
                mode: mode, screen: screen, search: ScreenTextSearch(screen), fields: fields,
                minimumConfidence: minimum))
    }
}

/// A result that stops a display rule before judging, wrapped so it can travel as the failure of a `Result`.
struct DisplaySkip: Error {
    let result: RuleResult

    init(_ result: RuleResult) {
        self.result = result
    }
}
