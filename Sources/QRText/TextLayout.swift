import QRSymbol

/// What the region finder sees on a screen from the pixels alone: the text lines, the icons beside them, and the
/// rules and dotted leaders between them, none of which is text.
public struct TextLayout: Sendable, Equatable {
    /// The text lines, top to bottom.
    public var regions: [TextRegion]
    /// Ink blobs the size of a glyph that are no part of a line: alone, apart at a line's end, or as tall as two
    /// lines beside them.
    public var pictograms: [RecognizedWord.Box]
    /// Rows of dots or dashes (a dotted leader between a label and its value, a dashed rule, a perforation).
    public var decorations: [RecognizedWord.Box]

    public init(
        regions: [TextRegion], pictograms: [RecognizedWord.Box] = [], decorations: [RecognizedWord.Box] = []
    ) {
        self.regions = regions
        self.pictograms = pictograms
        self.decorations = decorations
    }
}
