import QRSymbol
import QRText

/// How much of the text found on the screen the reading accounts for, and where a value could still hide unread.
///
/// A word is confident when its engine confidence reaches the spec's minimum, it accounts for every glyph the
/// pixels show in its box, and no longer reading of the same pixels holds more digits. A stretch of a text line is
/// unread when its glyph columns are not covered by confident words, together with the confident all-digit words
/// beside it (a number read in part may continue into the unread part); confident words with letters or mask signs
/// end a stretch, since a value cannot run through them. A line whose full-height glyphs stand lower than the spec's
/// `min_glyph_height` vouches for nothing, whatever reads it: text that small may be digits read as letters.
public struct ScreenCoverage: Sendable, Equatable {
    /// A run of glyphs in one text line that no confident reading accounts for, or words the page pass read where the
    /// line finder found no line (`region` nil).
    public struct Stretch: Sendable, Equatable {
        public let region: Int?
        public let box: RecognizedWord.Box
        public let glyphs: Int
    }

    public let reading: ScreenReading
    public let minimumConfidence: Double
    /// A column wider than this many times its height is a pictogram: it does not count towards a stretch's length
    /// (nil: every column counts).
    public let iconAspect: Double?
    /// Lines whose full-height glyphs (see `fullHeight`) stand lower than this vouch for no absence (nil: none is too
    /// small).
    public let minimumGlyphHeight: Int?
    /// What counts as a full-height glyph: at least this share of the tallest column measured (the spec's
    /// `full_glyph_ratio`).
    public let fullGlyphRatio: Double
    /// For each region, for each glyph column: what accounts for it.
    let columns: [[Column]]
    /// For each region, the height of its row's full-height glyphs when lower than `minimumGlyphHeight` (too small to
    /// rest a verdict on); nil for a line tall enough. A row is measured whole: a mask's stars found as a line of their
    /// own beside the digits stand lower than the digits, as a line of x-height letters does beside a capital.
    let smallLines: [Int?]
    /// The words read with confidence (see `isConfident`).
    let confidentWords: Set<RecognizedWord>
    /// The words read at the minimum confidence, no fragment of a longer reading, over fewer glyph columns than they
    /// read characters (see `readsMore`).
    let overcountedWords: Set<RecognizedWord>

    enum Column: Equatable {
        /// No confident word covers it.
        case unread
        /// A confident word of digits and number signs only, with its digits.
        case digits(String)
        /// A confident word with letters or mask signs.
        case text
        /// A word read at the minimum confidence over fewer glyph columns than it reads characters (touching glyphs
        /// or stripes join columns): none of its characters was lost, so no glyph beside a reading is unread there,
        /// but it vouches for no absence, and a stretch runs through it as through unread glyphs: a digit read in error
        /// inside a number hides it from the search, and letters of text too small to read (joined into few columns)
        /// may be digits read as letters.
        case overcounted
        /// A glyph of a line too small to rest a verdict on (see `minimumGlyphHeight`), read with confidence: it vouches
        /// for no absence and a stretch runs through it, but no character was lost there.
        case small

        /// Whether the column counts as read with confidence in the coverage the report gives.
        var vouches: Bool {
            switch self {
            case .digits, .text: true
            case .unread, .overcounted, .small: false
            }
        }
    }

    public init(
        _ reading: ScreenReading, minimumConfidence: Double, iconAspect: Double? = nil, minimumGlyphHeight: Int? = nil,
        fullGlyphRatio: Double = 1
    ) {
        self.reading = reading
        self.minimumConfidence = minimumConfidence
        self.iconAspect = iconAspect
        self.minimumGlyphHeight = minimumGlyphHeight
        self.fullGlyphRatio = fullGlyphRatio
        // A confident word inside a longer reading of the same pixels with more digits (`2001-` and `110,` under the
        // page pass's `2001-11-05`) is a fragment of a value that may run on: it does not vouch for its glyphs.
        func digits(_ word: RecognizedWord) -> Int { word.text.filter(\.isASCIIDigit).count }
        let readable = reading.words.filter { word in
            word.confidence >= minimumConfidence
                && !reading.words.contains { other in
                    other != word && digits(other) > digits(word)
                        && other.box.overlapArea(word.box) * 2 >= word.box.width * word.box.height
                }
        }
        let confident = readable.filter(\.accountsForItsGlyphs)
        let overcounted = readable.filter { !$0.accountsForItsGlyphs && Self.readsMore($0) }
        confidentWords = Set(confident)
        overcountedWords = Set(overcounted)
        var smallLines = [Int?](repeating: nil, count: reading.regions.count)
        if let minimumGlyphHeight {
            for row in Self.rows(of: reading.regions) {
                let height =
                    row.compactMap { index in
                        Self.fullHeight(reading.regions[index].glyphs.map(\.height), ratio: fullGlyphRatio)
                    }.max() ?? 0
                for index in row where height < minimumGlyphHeight { smallLines[index] = height }
            }
        }
        self.smallLines = smallLines
        columns = zip(reading.regions, smallLines).map { region, height in
            let small = height != nil
            return region.glyphs.map { glyph in
                let x = (glyph.left + glyph.right) / 2
                let y = (glyph.top + glyph.bottom) / 2
                let covers = { (word: RecognizedWord) in
                    x >= word.box.left && x < word.box.right && y >= word.box.top - glyph.height
                        && y < word.box.bottom + glyph.height
                }
                if let word = confident.first(where: covers) {
                    if small { return .small }
                    return Self.isText(word.text) ? .text : .digits(String(word.text.filter(\.isASCIIDigit)))
                }
                guard overcounted.contains(where: covers) else { return .unread }
                return small ? .small : .overcounted
            }
        }
    }

    /// The coverage a display rule counts with its parameters (`min_confidence`, and `icon_aspect`, `min_glyph_height`
    /// and `full_glyph_ratio` where given); nil without `min_confidence`.
    public init?(_ reading: ScreenReading, parameters: RuleParameters) {
        guard let confidence = parameters.number("min_confidence") else { return nil }
        self.init(
            reading, minimumConfidence: confidence, iconAspect: parameters.number("icon_aspect"),
            minimumGlyphHeight: parameters.integer("min_glyph_height"),
            fullGlyphRatio: parameters.number("full_glyph_ratio") ?? 1)
    }

    /// Whether a word reads more characters than its box shows glyph columns (`đài.1900` over six columns on a
    /// striped page, `001093029317` over eleven where two digits touch): its columns were joined, none of its
    /// characters lost.
    static func readsMore(_ word: RecognizedWord) -> Bool {
        guard let glyphs = word.glyphs else { return false }
        return GlyphCount.of(word.text) > glyphs
    }

    /// Whether a word is read at the minimum confidence, no fragment of a longer reading, and reads at least as many
    /// characters as its glyph columns show: confident, or reading more than its columns (see `readsMore`).
    public func readsEveryColumn(_ word: RecognizedWord) -> Bool {
        confidentWords.contains(word) || overcountedWords.contains(word)
    }

    /// The height of a word's full-height glyphs on the ink: the glyph columns inside its box at least `fullRatio` as
    /// high as its tallest (digits and capitals, not asterisks or x-height letters; the spec's `full_glyph_ratio`),
    /// their lower median; nil for a word on no glyph column. OCR's box stands a few pixels taller than the ink.
    public func glyphHeight(of word: RecognizedWord, fullRatio: Double) -> Int? {
        Self.fullHeight(reading.regions.flatMap { $0.glyphs(inside: word.box) }.map(\.height), ratio: fullRatio)
    }

    /// The lower median of the column heights at least `ratio` as high as the tallest (the full-height glyphs); nil
    /// for no column.
    static func fullHeight(_ heights: [Int], ratio: Double) -> Int? {
        let sorted = heights.sorted()
        guard let tallest = sorted.last else { return nil }
        let full = sorted.filter { Double($0) >= Double(tallest) * ratio }
        return full.isEmpty ? nil : full[(full.count - 1) / 2]
    }

    /// The height of the row's full-height glyphs when the line holding most of the glyph columns inside `box` is too
    /// small to rest a verdict on (see `minimumGlyphHeight`); nil when it is not, or no line has a column there.
    public func smallLine(under box: RecognizedWord.Box) -> Int? {
        let held = reading.regions.indices.map { (index: $0, count: reading.regions[$0].glyphs(inside: box).count) }
        guard let line = held.filter({ $0.count > 0 }).max(by: { $0.count < $1.count }) else { return nil }
        return smallLines[line.index]
    }

    /// Whether a word is read well enough to rest a verdict on: its engine confidence reaches the minimum, it accounts
    /// for its glyphs, and it is no fragment of a longer reading of the same pixels.
    public func isConfident(_ word: RecognizedWord) -> Bool {
        confidentWords.contains(word)
    }

    /// Whether a glyph column no confident word accounts for touches `box` on its line (closer than half a glyph
    /// height, as letters of one word are) or lies inside it, between the words of a reading: the reading may have
    /// lost a character there, such as the first star of a mask, a star between two star tokens or the last digit of
    /// a number, so it cannot decide a rule.
    public func hasUnreadNeighbour(_ box: RecognizedWord.Box) -> Bool {
        let middle = (box.top + box.bottom) / 2
        for (index, region) in reading.regions.enumerated() {
            let reach = max(1, region.glyphHeight / 2)
            guard middle >= region.box.top - reach, middle < region.box.bottom + reach else { continue }
            for (position, glyph) in region.glyphs.enumerated() where columns[index][position] == .unread {
                let centre = (glyph.left + glyph.right) / 2
                let middleY = (glyph.top + glyph.bottom) / 2
                if centre >= box.left, centre < box.right, middleY >= box.top, middleY < box.bottom { return true }
                if centre < box.left, box.left - glyph.right <= reach { return true }
                if centre >= box.right, glyph.left - box.right <= reach { return true }
            }
        }
        return false
    }

    /// Whether a glyph column is a pictogram (wider than `iconAspect` times its height), not one character.
    func isIcon(_ glyph: RecognizedWord.Box) -> Bool {
        guard let iconAspect else { return false }
        return Double(glyph.width) > iconAspect * Double(max(1, glyph.height))
    }

    /// The stretches of at least `glyphs` character columns (with at least one unread) where a value could be shown
    /// unread; pictograms inside a stretch do not count towards its length. A confident number joins the unread
    /// columns beside it only when it could be part of the value (its digits, one of them perhaps misread, appear in
    /// one of `forms`, the value's digits in each order it may be shown): a date that is not the birth date ends a
    /// stretch as a word does. Without forms (nil), every confident number joins.
    public func unread(atLeast glyphs: Int, forms: [String]? = nil) -> [Stretch] {
        var stretches: [Stretch] = []
        for row in rows() {
            // The row's glyph columns left to right, each with its region and state.
            let cells = row.flatMap { index in
                zip(reading.regions[index].glyphs, columns[index]).map { (region: index, glyph: $0.0, column: $0.1) }
            }
            var start: Int?
            var sawUnread = false
            func close(_ end: Int) {
                if let first = start, sawUnread {
                    let part = cells[first..<end]
                    let characters = part.filter { !isIcon($0.glyph) }.count
                    if characters >= max(1, glyphs) {
                        let box = part.dropFirst().reduce(part[first].glyph) { $0.union($1.glyph) }
                        stretches.append(Stretch(region: part[first].region, box: box, glyphs: characters))
                    }
                }
                start = nil
                sawUnread = false
            }
            for (position, cell) in cells.enumerated() {
                switch cell.column {
                case .text: close(position)
                case .digits(let digits) where forms.map({ !Self.couldBePart(digits, of: $0) }) ?? false:
                    close(position)
                case .digits, .unread, .overcounted, .small:
                    if start == nil { start = position }
                    if !cell.column.vouches { sawUnread = true }
                }
            }
            close(cells.count)
        }
        return stretches + unreadStrays(atLeast: glyphs)
    }

    /// Runs of words the page pass read where the line finder found no line (a line lost on a striped page): their
    /// glyphs were never counted, so none vouches for its reading, whatever the engine's confidence, and a value split
    /// over them (`001(` and `35029317` for `001093029317`) could hide there. Only a word of letters or mask signs read
    /// at the minimum confidence ends a run. A word counts as many characters as it reads, or as its box is wide in
    /// box heights when that is more (a reading that lost glyphs). A word neither detector vouches for as text, read
    /// below the minimum confidence and more than twice as high as the glyphs of any line found, is a background's pattern
    /// read as letters (`—``hhsh=s==Ss` over a page's stripes), not a line the finder lost.
    func unreadStrays(atLeast glyphs: Int) -> [Stretch] {
        let tallestLine = reading.regions.map(\.glyphHeight).max()
        let strays = reading.words.filter { word in
            guard word.glyphs == nil else { return false }
            guard let tallestLine, word.confidence < minimumConfidence else { return true }
            return word.box.height <= 2 * tallestLine
        }
        let rows = Self.rows(strays.map(\.box), heights: strays.map(\.box.height)).map { $0.map { strays[$0] } }
        var stretches: [Stretch] = []
        for row in rows {
            var run: [RecognizedWord] = []
            func close() {
                let characters = run.reduce(0) { total, word in
                    total + max(GlyphCount.of(word.text), word.box.width / max(1, word.box.height))
                }
                if let first = run.first, characters >= max(1, glyphs) {
                    let box = run.dropFirst().reduce(first.box) { $0.union($1.box) }
                    stretches.append(Stretch(region: nil, box: box, glyphs: characters))
                }
                run = []
            }
            for word in row {
                if word.confidence >= minimumConfidence, Self.isText(word.text) {
                    close()
                } else {
                    run.append(word)
                }
            }
            close()
        }
        return stretches
    }

    /// The text lines as rows: lines that share a band and lie closer than `rowGapHeights` glyph heights are one row,
    /// left to right, since a value's separators (a date's hyphens, the spaces between an ID's groups) can leave a gap
    /// wider than a word space between its pieces. Each line is in exactly one row.
    func rows() -> [[Int]] { Self.rows(of: reading.regions) }

    /// `regions` as rows of indices (see `rows()`).
    static func rows(of regions: [TextRegion]) -> [[Int]] {
        rows(regions.map(\.box), heights: regions.map(\.glyphHeight))
    }

    /// Boxes as rows of indices, left to right: a box joins the row whose last box shares its band (overlapping at
    /// least half the lower one's height) and ends at most `rowGapHeights` times the taller of their `heights` before it.
    static func rows(_ boxes: [RecognizedWord.Box], heights: [Int]) -> [[Int]] {
        var rows: [[Int]] = []
        for index in boxes.indices.sorted(by: { boxes[$0].left < boxes[$1].left }) {
            let box = boxes[index]
            let match = rows.firstIndex { row in
                guard let last = row.last else { return false }
                let other = boxes[last]
                let overlap = min(box.bottom, other.bottom) - max(box.top, other.top)
                let height = max(1, heights[index], heights[last])
                return overlap * 2 >= min(box.height, other.height) && box.left - other.right <= rowGapHeights * height
            }
            if let match { rows[match].append(index) } else { rows.append([index]) }
        }
        return rows
    }

    /// Whether a confident reading is text a value cannot run through: it holds letters or mask signs.
    static func isText(_ text: String) -> Bool {
        text.contains { $0.isLetter || ScreenSigns.mask.contains($0) }
    }

    /// Largest gap between two lines of one row, in glyph heights.
    static let rowGapHeights = 3

    /// Whether `digits` could be read from part of a value shown as one of `forms`: at most one digit differs from a
    /// run of a form (OCR swaps look-alike digits with full confidence). Two digits or fewer could be part of anything.
    static func couldBePart(_ digits: String, of forms: [String]) -> Bool {
        let read = Array(digits)
        guard read.count > 2 else { return true }
        for form in forms.map(Array.init) where form.count >= read.count {
            for offset in 0...(form.count - read.count) {
                var differences = 0
                for (i, digit) in read.enumerated() where form[offset + i] != digit { differences += 1 }
                if differences <= 1 { return true }
            }
        }
        return false
    }

    /// The text lines with a glyph no confident word accounts for.
    public var unreadRegions: [TextRegion] {
        zip(reading.regions, columns).filter { $0.1.contains { !$0.vouches } }.map(\.0)
    }

    /// Text lines found from the pixels.
    public var regionsFound: Int { reading.regions.count }

    /// Text lines every glyph of which a confident word accounts for.
    public var regionsRead: Int { columns.filter { $0.allSatisfy(\.vouches) }.count }

    /// Glyph columns found, and those a confident word accounts for.
    public var glyphsFound: Int { columns.reduce(0) { $0 + $1.count } }
    public var glyphsRead: Int { columns.reduce(0) { $0 + $1.filter(\.vouches).count } }
}
