import QRSymbol

/// What the region finder sees on a screen from the pixels alone: the text lines, the icons beside them, and the
/// rules and dotted leaders between them, none of which is text.
public struct TextLayout: Sendable, Equatable {
    /// The text lines, top to bottom.
    public var regions: [TextRegion]
    /// Compact ink blobs the size of a glyph or larger that are no part of a line: alone, or as tall as two lines
    /// beside them. Cleared before the page is read.
    public var pictograms: [RecognizedWord.Box]
    /// Compact blobs left out at a line's end, apart from it by a wide gap (an icon before a value). Not cleared: two
    /// touching digits set apart could look the same, and the page pass must still read them.
    public var lineEndIcons: [RecognizedWord.Box]
    /// Rows of dots or dashes (a dotted leader between a label and its value, a dashed rule, a perforation).
    public var decorations: [RecognizedWord.Box]

    public init(
        regions: [TextRegion], pictograms: [RecognizedWord.Box] = [], lineEndIcons: [RecognizedWord.Box] = [],
        decorations: [RecognizedWord.Box] = []
    ) {
        self.regions = regions
        self.pictograms = pictograms
        self.lineEndIcons = lineEndIcons
        self.decorations = decorations
    }
}
