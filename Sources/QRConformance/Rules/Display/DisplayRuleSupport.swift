import QRSymbol
import QRText

/// What every display rule needs: the declared mode, the screen text, and the payload values to look for.
struct DisplayInputs {
    let mode: DisplayMode
    let screen: ScreenText
    let search: ScreenTextSearch
    let fields: PersonalQRPayload
    let coverage: ScreenCoverage
    /// Glyph columns a value may lose to touching glyphs: a stretch this much shorter than the value could hold it.
    let glyphSlack: Int

    /// Words lower than this (the spec's `min_text_height`) are too small to rest a verdict on.
    let minimumTextHeight: Int

    /// Words with digits or mask signs whose full-height glyphs are lower than this on the ink (the spec's
    /// `min_glyph_height`) are too small to rest a verdict on.
    let minimumGlyphHeight: Int

    /// What counts as a full-height glyph for `minimumGlyphHeight`: at least this share of a word's tallest column (the
    /// spec's `full_glyph_ratio`).
    let fullGlyphRatio: Double

    /// Signs that separate a date's or a number's parts; a word of only these is exempt from the height test.
    static let separators: Set<Character> = ["-", "–", "—", ".", ",", "/", ":"]

    /// The words with more than separators: those whose height a verdict rests on.
    static func characters(_ words: [RecognizedWord]) -> [RecognizedWord] {
        words.filter { !$0.text.allSatisfy(separators.contains) }
    }

    /// Whether every word a match rests on is read with confidence and accounts for its glyphs, every word but a lone
    /// separator is at least `minimumTextHeight` high (a date's `-` or `.` standing apart is short by its nature) and
    /// its digits or mask signs stand `minimumGlyphHeight` high on the ink, as do its lines' full-height glyphs, and no
    /// unread glyph touches the match (a character it may have lost).
    ///
    /// With `exactValue` (the match is a value's every digit, read without tolerance), a word may also read more
    /// characters than its glyph columns show (two digits touching in one column): OCR does not make up the payload's
    /// own digits where they are not shown; what it does is lose some, and the count still catches that.
    func isConfident(_ match: ScreenMatch, exactValue: Bool = false) -> Bool {
        let words = screen.lines[match.line].words(in: match.range)
        let characters = Self.characters(words)
        let readWell = { (word: RecognizedWord) in
            exactValue && match.tolerances.isEmpty ? coverage.readsEveryColumn(word) : coverage.isConfident(word)
        }
        guard !characters.isEmpty, words.allSatisfy(readWell),
            characters.allSatisfy({ $0.box.height >= minimumTextHeight }), lowGlyphs(in: characters) == nil,
            characters.allSatisfy({ coverage.smallLine(under: $0.box) == nil })
        else { return false }
        return !(match.box.map(coverage.hasUnreadNeighbour) ?? false)
    }

    /// Whether a match stands too small to rest a verdict on: each of its words lower than `minimumTextHeight` or on a
    /// line whose full-height glyphs stand lower than `minimumGlyphHeight` (each, since a word the search spans may
    /// hold a speck of the background at the screen's edge, found as a line of its own).
    func isTooSmall(_ match: ScreenMatch) -> Bool {
        let characters = Self.characters(screen.lines[match.line].words(in: match.range))
        return !characters.isEmpty
            && characters.allSatisfy { word in
                word.box.height < minimumTextHeight || coverage.smallLine(under: word.box) != nil
            }
    }

    /// The lowest full-height glyphs (see `ScreenCoverage.glyphHeight`) of a word with digits or mask signs, when they
    /// stand lower than `minimumGlyphHeight`; nil when every such word reaches it.
    func lowGlyphs(in words: [RecognizedWord]) -> Int? {
        let heights = words.filter { word in
            word.text.contains { $0.isASCIIDigit || ScreenSigns.mask.contains($0) }
        }.compactMap { coverage.glyphHeight(of: $0, fullRatio: fullGlyphRatio) }
        guard let lowest = heights.min(), lowest < minimumGlyphHeight else { return nil }
        return lowest
    }

    /// Inconclusive, naming the unread stretches of text that could hold `value` (`glyphs` glyph columns, its digits
    /// shown as one of `forms`); nil when every stretch that could was read with confidence, so an absence holds.
    func unread(_ value: String, glyphs: Int, forms: [String]) -> RuleResult? {
        let stretches = coverage.unread(atLeast: max(1, glyphs - glyphSlack), forms: forms)
        guard !stretches.isEmpty else { return nil }
        let places = stretches.prefix(3).map { stretch in
            let line = stretch.region.map { "text line \($0 + 1)" } ?? "text outside the lines found"
            return "\(line) at x \(stretch.box.left)–\(stretch.box.right), y \(stretch.box.top)–\(stretch.box.bottom) "
                + "(\(stretch.glyphs) \(stretch.region == nil ? "characters" : "glyphs"))"
        }
        let more = stretches.count > 3 ? " and \(stretches.count - 3) more" : ""
        return .inconclusive(
            "\(stretches.count) stretch\(stretches.count == 1 ? "" : "es") of text long enough to show \(value) could not be "
                + "read with confidence: \(places.joined(separator: "; "))\(more)",
            remedy: "a reviewer decides from the crops (qrconform register review), or " + DisplayInputs.remedy,
            evidence: Evidence(
                measured: "\(coverage.glyphsRead) of \(coverage.glyphsFound) glyphs read with confidence",
                limit: "every text that could show \(value) read with confidence",
                where: places.joined(separator: "; ") + more, regions: stretches.map(\.box)))
    }

    /// Inconclusive for a value not found although every line that could show it was read: a presence rule fails only
    /// on a reading that contradicts it, never on an absence (OCR can misread a value it did not report as unsure).
    func notFound(_ value: String, glyphs: Int, limit: String, note: String? = nil) -> RuleResult {
        let lines = coverage.reading.regions.filter { $0.glyphs.count >= max(1, glyphs - glyphSlack) }
        return .inconclusive(
            "\(value) was not found in the screen text, though every line that could show it was read "
                + "(\(lines.count) line\(lines.count == 1 ? "" : "s")); a presence rule fails only on a reading that "
                + "contradicts it" + (note.map { "; " + $0 } ?? ""),
            remedy: "a reviewer decides from the crops (qrconform register review); if the value is not on the "
                + "screen, show it beside the code",
            evidence: Evidence(
                measured: "not found", limit: limit, where: wholeScreen,
                regions: lines.prefix(DisplayInputs.wholeScreenCrops).map(\.box)))
    }

    /// Inconclusive for a reading one digit away from the full value, or the value with look-alike letters for
    /// digits: OCR swaps look-alike characters with full confidence, so it may be the value itself.
    func nearMiss(_ match: ScreenMatch, of value: String, limit: String) -> RuleResult {
        if match.tolerances.contains(.lostDigit) {
            return doubt(
                match,
                "the screen text shows \(value) with a digit or two missing; OCR loses glyphs it cannot separate from "
                    + "the background (a thin '0' on stripes), so it may be the full value",
                measured: "\(value) with digits missing", limit: limit)
        }
        guard match.tolerances.contains(.lookAlikeLetter) else {
            return doubt(
                match,
                "the screen text shows \(value) with one digit different; OCR confuses look-alike digits (3 and 8, 1 "
                    + "and 7), so it may be the full value", measured: "one digit from \(value)", limit: limit)
        }
        return doubt(
            match,
            "the screen text shows \(value) with letters for some digits; OCR reads digits as look-alike letters ('U' "
                + "for '0', 'Z' for '2'), so it may be the full value",
            measured: "\(value) with look-alike letters", limit: limit)
    }

    /// Inconclusive for a reading that would decide the rule but is not confident (or, with `garbled`, is read with
    /// confidence as a mix of signs no display would show; with `tooSmall`, a reading of text too small to vouch for,
    /// see `isTooSmall`).
    func unsure(
        _ match: ScreenMatch, reads shown: String, limit: String, garbled: Bool = false, tooSmall: Bool = false
    ) -> RuleResult {
        let words = screen.lines[match.line].words(in: match.range)
        let readWell = !words.isEmpty && words.allSatisfy { coverage.isConfident($0) }
        let why: String
        if tooSmall, let size = sizeDoubt(Self.characters(words)) {
            why = size
        } else if garbled && readWell {
            why = "its mask is read as a mix of different signs, which OCR gives for glyphs it cannot make out"
        } else if readWell, match.box.map(coverage.hasUnreadNeighbour) ?? false {
            why = "a glyph right beside it or between its words was not read, so the reading may have lost a character"
        } else {
            why = doubtAbout(words)
        }
        return doubt(
            match, "the screen text reads '\(shown)', but not with confidence (\(why))",
            measured: "'\(shown)' (unsure)",
            limit: limit)
    }

    /// What keeps the words of a reading from deciding a rule, in the order `isConfident` weighs it: the engine's
    /// confidence, the glyph count, a longer reading of the same pixels, the height of its characters. It never quotes
    /// a word: the words are the screen's own, unmasked; the caller quotes the masked reading.
    func doubtAbout(_ words: [RecognizedWord]) -> String {
        let minimum = RuleText.decimal(coverage.minimumConfidence, 0)
        if let weak = words.min(by: { $0.confidence < $1.confidence }), weak.confidence < coverage.minimumConfidence {
            return "OCR confidence \(RuleText.decimal(weak.confidence, 0)), below \(minimum)"
        }
        if let miscounted = words.first(where: { !$0.accountsForItsGlyphs }) {
            let columns = miscounted.glyphs.map { "\($0) glyph column\($0 == 1 ? "" : "s")" } ?? "no glyph columns"
            return "\(GlyphCount.of(miscounted.text)) characters read over \(columns) in the pixels"
        }
        if words.contains(where: { !coverage.isConfident($0) }) {
            return "it is part of a longer reading of the same pixels that holds more digits"
        }
        return sizeDoubt(Self.characters(words)) ?? "nothing was read there"
    }

    /// Why words stand too small to decide a rule (the height of OCR's boxes, of the digits, of their lines), nil when
    /// they do not.
    func sizeDoubt(_ characters: [RecognizedWord]) -> String? {
        if let low = characters.min(by: { $0.box.height < $1.box.height }), low.box.height < minimumTextHeight {
            return "its characters are \(low.box.height) px high, under the \(minimumTextHeight) px a reading must "
                + "reach to decide a rule (min_text_height)"
        }
        if let low = lowGlyphs(in: characters) {
            return "its digits stand \(low) px high on the screen, under the \(minimumGlyphHeight) px a reading must "
                + "reach to decide a rule (min_glyph_height)"
        }
        if let low = characters.compactMap({ coverage.smallLine(under: $0.box) }).min() {
            return "the capitals and digits of its line stand \(low) px high on the screen, under the "
                + "\(minimumGlyphHeight) px a reading must reach to decide a rule (min_glyph_height)"
        }
        return nil
    }

    /// Inconclusive over one place on the screen, whose crop a reviewer decides from.
    private func doubt(_ match: ScreenMatch, _ reason: String, measured: String, limit: String) -> RuleResult {
        .inconclusive(
            reason, remedy: "a reviewer decides from the crop (qrconform register review), or " + DisplayInputs.remedy,
            evidence: Evidence(
                measured: measured, limit: limit, where: match.location, regions: match.box.map { [$0] } ?? []))
    }

    /// What would make screen text judgeable when OCR could not read it.
    static let remedy =
        "send the screenshot at the device's full resolution, unscaled, with the text beside the code crisp and in "
        + "clear contrast"

    /// The most text lines cropped for a reviewer when a judgement is about the whole screen.
    static let wholeScreenCrops = 8

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
        guard let slack = parameters.integer("glyph_slack"), slack >= 0 else {
            return .failure(DisplaySkip(.missingParameter("glyph_slack")))
        }
        guard let iconAspect = parameters.number("icon_aspect"), iconAspect > 0 else {
            return .failure(DisplaySkip(.missingParameter("icon_aspect")))
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
        let reading: ScreenReading
        switch image.screenText {
        case .value(let value): reading = value
        case .unavailable(let reason):
            return .failure(
                DisplaySkip(.inconclusive("screen text unavailable: \(reason)", remedy: DisplayInputs.remedy)))
        }
        let words = reading.words
        // A judgement about the whole screen names the text lines found on it, for the reviewer's crops.
        let wholeScreen = Evidence(
            where: "the whole screen: \(reading.regions.count) text lines found",
            regions: reading.regions.prefix(DisplayInputs.wholeScreenCrops).map(\.box))
        guard !words.isEmpty else {
            return .failure(
                DisplaySkip(
                    .inconclusive(
                        "OCR read no text on the screen",
                        remedy:
                            "show the name, ID number and birth date as text beside the code, in the declared mode, and "
                            + DisplayInputs.remedy, evidence: wholeScreen)))
        }
        guard let minimumHeight = parameters.integer("min_text_height") else {
            return .failure(DisplaySkip(.missingParameter("min_text_height")))
        }
        guard let minimumGlyphHeight = parameters.integer("min_glyph_height") else {
            return .failure(DisplaySkip(.missingParameter("min_glyph_height")))
        }
        guard let fullGlyphRatio = parameters.number("full_glyph_ratio"), fullGlyphRatio > 0, fullGlyphRatio <= 1 else {
            return .failure(DisplaySkip(.missingParameter("full_glyph_ratio")))
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
                            + "of the full grey range), and " + DisplayInputs.remedy, evidence: wholeScreen)))
        }
        let screen = ScreenText(words: words).legible(minimumHeight: minimumHeight)
        guard !screen.words.isEmpty else {
            return .failure(
                DisplaySkip(
                    .inconclusive(
                        "the text beside the code is below \(minimumHeight) px high, too small to read reliably",
                        remedy: "draw the text at least \(minimumHeight) px high at the device's resolution, and "
                            + DisplayInputs.remedy, evidence: wholeScreen)))
        }
        return .success(
            DisplayInputs(
                mode: mode, screen: screen, search: ScreenTextSearch(screen), fields: fields,
                coverage: ScreenCoverage(
                    reading, minimumConfidence: minimum, iconAspect: iconAspect, minimumGlyphHeight: minimumGlyphHeight,
                    fullGlyphRatio: fullGlyphRatio),
                glyphSlack: slack,
                minimumTextHeight: minimumHeight, minimumGlyphHeight: minimumGlyphHeight, fullGlyphRatio: fullGlyphRatio
            ))
    }
}

/// A result that stops a display rule before judging, wrapped so it can travel as the failure of a `Result`.
struct DisplaySkip: Error {
    let result: RuleResult

    init(_ result: RuleResult) {
        self.result = result
    }
}
