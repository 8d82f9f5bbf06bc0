import QRSymbol
/// One word read from the screen by OCR: its text, its box in image pixels, and the engine's confidence.
///
/// C-free and `Sendable` so the pure layers can judge screen text without seeing tesseract.
public struct RecognizedWord: Sendable, Equatable, Hashable, Codable {
    /// An axis-aligned pixel box; `right` and `bottom` are exclusive.
    public struct Box: Sendable, Equatable, Hashable, Codable {
        public var left: Int
        public var top: Int
        public var right: Int
        public var bottom: Int

        public init(left: Int, top: Int, right: Int, bottom: Int) {
            self.left = left
            self.top = top
            self.right = right
            self.bottom = bottom
        }

        public var width: Int { max(0, right - left) }
        public var height: Int { max(0, bottom - top) }
    }

    public var text: String
    public var box: Box
    /// The engine's confidence in the word, 0–100.
    public var confidence: Double
    /// How far the word's ink stands from its background, 0–1 (nil when not measured): faint text reads as low.
    public var contrast: Double?
    /// The glyph columns the pixels show inside the box (nil when the word lies in no text line found from the
    /// pixels): a reading that accounts for fewer characters lost some.
    public var glyphs: Int?

    public init(text: String, box: Box, confidence: Double, contrast: Double? = nil, glyphs: Int? = nil) {
        self.text = text
        self.box = box
        self.confidence = confidence
        self.contrast = contrast
        self.glyphs = glyphs
    }

    /// Whether the reading accounts for every glyph the pixels show in its box (see `GlyphCount.agrees`); false when
    /// the glyphs were not counted.
    public var accountsForItsGlyphs: Bool {
        guard let glyphs else { return false }
        return GlyphCount.agrees(text, glyphs: glyphs)
            || (confidence >= GlyphCount.fragmentedConfidence && GlyphCount.fragments(text, glyphs: glyphs))
    }
}
