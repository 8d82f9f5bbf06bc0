import QRSymbol

/// How much of the text found on the screen the reading accounts for, and where a value could still hide unread.
///
/// A word is confident when its engine confidence reaches the spec's minimum and it accounts for every glyph the
/// pixels show in its box. A stretch of a text line is unread when its glyph columns are not covered by confident
/// words, together with the confident all-digit words beside it (a number read in part may continue into the unread
/// part); confident words with letters or mask signs end a stretch, since a value cannot run through them.
public struct ScreenCoverage: Sendable, Equatable {
    /// A run of glyphs in one text line that no confident reading accounts for.
    public struct Stretch: Sendable, Equatable {
        public let region: Int
        public let box: RecognizedWord.Box
        public let glyphs: Int
    }

    public let reading: ScreenReading
    public let minimumConfidence: Double
    /// For each region, for each glyph column: what accounts for it.
    let columns: [[Column]]

    enum Column: Equatable {
        /// No confident word covers it.
        case unread
        /// A confident word of digits and number signs only.
        case digits
        /// A confident word with letters or mask signs.
        case text
    }

    public init(_ reading: ScreenReading, minimumConfidence: Double) {
        self.reading = reading
        self.minimumConfidence = minimumConfidence
        let confident = reading.words.filter { $0.confidence >= minimumConfidence && $0.accountsForItsGlyphs }
        columns = reading.regions.map { region in
            region.glyphs.map { glyph in
                let x = (glyph.left + glyph.right) / 2
                let y = (glyph.top + glyph.bottom) / 2
                let word = confident.first { word in
                    x >= word.box.left && x < word.box.right && y >= word.box.top - glyph.height
                        && y < word.box.bottom + glyph.height
                }
                guard let word else { return .unread }
                return word.text.contains { $0.isLetter || ScreenSigns.mask.contains($0) } ? .text : .digits
            }
        }
    }

    /// Whether a word is read well enough to rest a verdict on.
    public func isConfident(_ word: RecognizedWord) -> Bool {
        word.confidence >= minimumConfidence && word.accountsForItsGlyphs
    }

    /// The stretches of at least `glyphs` columns (with at least one unread) where a value could be shown unread.
    public func unread(atLeast glyphs: Int) -> [Stretch] {
        var stretches: [Stretch] = []
        for (index, region) in reading.regions.enumerated() {
            var start: Int?
            var sawUnread = false
            func close(_ end: Int) {
                if let first = start, sawUnread, end - first >= max(1, glyphs) {
                    let box = region.glyphs[first..<end].dropFirst().reduce(region.glyphs[first]) { $0.union($1) }
                    stretches.append(Stretch(region: index, box: box, glyphs: end - first))
                }
                start = nil
                sawUnread = false
            }
            for (position, column) in columns[index].enumerated() {
                switch column {
                case .text: close(position)
                case .digits, .unread:
                    if start == nil { start = position }
                    if column == .unread { sawUnread = true }
                }
            }
            close(columns[index].count)
        }
        return stretches
    }

    /// The text lines with a glyph no confident word accounts for.
    public var unreadRegions: [TextRegion] {
        zip(reading.regions, columns).filter { $0.1.contains(.unread) }.map(\.0)
    }

    /// Text lines found from the pixels.
    public var regionsFound: Int { reading.regions.count }

    /// Text lines every glyph of which a confident word accounts for.
    public var regionsRead: Int { columns.filter { !$0.contains(.unread) }.count }

    /// Glyph columns found, and those a confident word accounts for.
    public var glyphsFound: Int { columns.reduce(0) { $0 + $1.count } }
    public var glyphsRead: Int { columns.reduce(0) { $0 + $1.filter { $0 != .unread }.count } }
}
