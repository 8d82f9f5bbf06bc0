import QRSymbol
/// How many glyph columns a reading should cover: what the pixels count, compared with what OCR read.
///
/// Letters, digits and signs that stand as tall as a glyph (`*`, `•`, `/`, `:`, `%`) count one each; hyphens, dots,
/// commas and quotes are too small for a column and count none.
public enum GlyphCount {
    static let uncounted: Set<Character> = ["-", "–", "—", "_", ".", ",", "'", "\"", "`", "·", "‘", "’", "“", "”"]

    /// The glyph columns `text` should show.
    public static func of(_ text: String) -> Int {
        text.reduce(0) { count, character in
            character.isWhitespace || uncounted.contains(character) ? count : count + 1
        }
    }

    /// Whether a reading of `text` accounts for `glyphs` columns: exactly for a word with digits or mask signs (one
    /// lost star is the difference between conformant and not), within two (one in five for long words) for other
    /// words: accents, serifs and ligatures join letters (`nh` in a serif face), and two columns cannot hide a value.
    /// A slash leans over its neighbours in serif and italic faces and may share their column, and a colon's dots are
    /// often too small for a column of their own (a status bar's `07:30` shows four): a word with digits may read one
    /// more character than the columns for each `/` or `:` it holds, never fewer.
    public static func agrees(_ text: String, glyphs: Int) -> Bool {
        let read = of(text)
        if isExact(text) { return read >= glyphs && read - glyphs <= text.filter { $0 == "/" || $0 == ":" }.count }
        return abs(read - glyphs) <= max(2, glyphs / 5)
    }
}

extension GlyphCount {
    /// Whether a reading is counted exactly against its columns: it holds a digit or a mask sign.
    public static func isExact(_ text: String) -> Bool {
        text.contains { ("0"..."9").contains($0) || ScreenSigns.mask.contains($0) }
    }

    /// The least confidence at which a word of letters may show more columns than letters (see `fragments`).
    public static let fragmentedConfidence = 90.0

    /// Whether `glyphs` columns are a word of letters in pieces: thin strokes (a light face, grey on a dark page) break
    /// where they join, so `KHOẢN` shows nine columns. Only letters, three or more, not all of them the letters masks are
    /// misread as, and at most two columns per letter; a word with digits or mask signs is always counted exactly.
    public static func fragments(_ text: String, glyphs: Int) -> Bool {
        let letters = text.filter(\.isLetter)
        guard letters.count >= 3, letters.count == text.count, glyphs > letters.count, glyphs <= 2 * letters.count
        else { return false }
        return !letters.allSatisfy { "KkXx".contains($0) }
    }
}

/// Signs used to hide characters on screen.
public enum ScreenSigns {
    public static let mask: Set<Character> = ["*", "•", "●", "∗"]
}
