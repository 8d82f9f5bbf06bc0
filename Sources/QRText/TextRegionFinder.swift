import QRSymbol
/// Finds every line of text on a screenshot from the pixels alone: what OCR must account for before an absence can
/// be claimed.
///
/// Ink is any pixel at least `minimumInkDelta` grey levels darker or lighter than its surroundings with thin strokes
/// removed (a morphological closing or opening), so dark text on light, light text on a coloured gradient and text in
/// chips are found alike. Ink blobs of a glyph's
/// size are chained into lines when they share a band and lie closer than a word gap; a line needs at least two glyph
/// columns (an icon alone is not text). The codes, with their quiet zones, are left out. Pure: tested without
/// tesseract.
public enum TextRegionFinder {
    /// What counts as text; the defaults are what the display corpus and the held-out layouts were measured with.
    public struct Settings: Sendable, Equatable {
        /// Grey levels between ink and the neighbourhood mean (text fainter than this is not found at all, and such
        /// faint text is refused as too faint by the rules before any absence is claimed).
        public var minimumInkDelta: Int = 28
        /// Smallest blob height that can be part of a glyph, in pixels.
        public var minimumGlyphHeight: Int = 4
        /// Smallest median glyph height of a line, in pixels: below it a row of blobs is noise, not text a person reads.
        public var minimumLineGlyphHeight: Int = 6
        /// Largest glyph height, as a fraction of the image's shorter side.
        public var maximumGlyphFraction: Double = 0.12
        /// Largest gap between glyphs of one line, in line heights.
        public var maximumGap: Double = 1.2
        /// Ink share of a blob wider than four heights that is still a glyph run (bold asterisks or bullets drawn
        /// edge to edge), not a rule or underline (solid) or a card's outline (hollow).
        public var glyphRunFill: ClosedRange<Double> = 0.2...0.7
        /// Ink share from which a blob about as wide as high is a solid dot (a round dot fills π/4 of its box, less
        /// its anti-aliased rim).
        public var dotFill: Double = 0.6

        public init() {}
    }

    /// The most blobs looked at per polarity: a screen of noise is not read blob by blob.
    static let maximumBlobs = 60_000

    /// The text lines outside the polygons (each a code with its quiet zone), top to bottom.
    public static func regions(
        in image: GrayImage, excluding polygons: [[Point]], settings: Settings = Settings()
    ) -> [TextRegion] {
        find(in: image, excluding: polygons, settings: settings).regions
    }

    /// The text lines outside the polygons, top to bottom, with the icons and decorations beside them, each in the
    /// polarity of the text around it.
    public static func find(
        in image: GrayImage, excluding polygons: [[Point]], settings: Settings = Settings()
    ) -> TextLayout {
        let width = image.width
        let height = image.height
        var excluded = [UInt8](repeating: 0, count: width * height)
        for polygon in polygons where polygon.count >= 3 {
            OCRImagePreparation.fill(&excluded, width: width, height: height, polygon: polygon, with: 1)
        }
        let maxHeight = max(24, Int(Double(min(width, height)) * settings.maximumGlyphFraction))
        let (ink, contrast) = inkMap(image, excluded: excluded, delta: settings.minimumInkDelta)
        // Text on a faint pattern is found once the pattern is cleared, unless a line found then barely passes the
        // cut or the cut took glyph-sized ink well above the pattern: glyphs drawn like it, or fainter text, may have
        // been cleared too, and a line read without them would vouch for characters it lost. Then the pattern stays,
        // and the text on it is read by the page pass alone, outside every line, where it vouches for nothing.
        let delta = settings.minimumInkDelta
        if let pattern = BackgroundPattern(
            ink, contrast: contrast, width: width, height: height, maxHeight: maxHeight, delta: delta)
        {
            var cleared = ink
            pattern.clear(&cleared, contrast: contrast)
            let layout = layout(of: cleared, in: image, maxHeight: maxHeight, settings: settings)
            let glyphHeight = settings.minimumLineGlyphHeight...max(settings.minimumLineGlyphHeight, maxHeight)
            if pattern.spares(layout.regions, map: cleared, contrast: contrast, delta: delta),
                !pattern.hidesText(
                    original: ink, cleared: cleared, contrast: contrast, delta: delta, glyphHeight: glyphHeight)
            {
                return layout
            }
        }
        return layout(of: ink, in: image, maxHeight: maxHeight, settings: settings)
    }

    /// The text lines, icons and decorations of an ink map.
    static func layout(of ink: [UInt8], in image: GrayImage, maxHeight: Int, settings: Settings) -> TextLayout {
        let width = image.width
        let height = image.height
        var lines: [TextRegion] = []
        var pictograms: [RecognizedWord.Box] = []
        var lineEndIcons: [RecognizedWord.Box] = []
        var decorations: [RecognizedWord.Box] = []
        for (value, polarity) in [(UInt8(1), TextRegion.Polarity.dark), (2, .light)] {
            let pieces = Blob.components(of: ink, width: width, height: height, value: value, limit: maximumBlobs)
                .filter { $0.pixels >= 2 && $0.box.height <= maxHeight }
            let units = stacked(pieces, maxHeight: maxHeight)
            let blobs = units.filter { blob in
                blob.box.height >= settings.minimumGlyphHeight && blob.box.height <= maxHeight
                    && (blob.box.width <= blob.box.height * 4 || isGlyphRun(blob, settings: settings))
                    && blob.pixels >= 6
            }
            // Hyphens: too flat to be glyphs, but a line runs on across one (`1990 - ** - **` in a wide monospaced
            // face, where the gaps on either side of the hyphen add up to more than a word gap).
            let dashes = units.filter { blob in
                blob.box.height >= 2 && blob.box.height < settings.minimumLineGlyphHeight * 2
                    && blob.box.width >= blob.box.height * 2 && blob.box.width <= blob.box.height * 8
                    && blob.pixels * 10 >= blob.box.width * blob.box.height * 7
            }.map(\.box).sorted { $0.left < $1.left }
            let chained = chain(blobs, polarity: polarity, settings: settings, dashes: dashes)
            lines += chained.regions.filter { backgroundSide(of: $0.box, in: image, rowsOnly: true) == polarity }
                .map { withoutDashEnds($0, ink: ink, value: value, width: width) }
            // Compact: a run of touching glyphs (a number drawn tight) is wider than two heights.
            let isIcon = { (box: RecognizedWord.Box) in
                box.height >= settings.minimumLineGlyphHeight && box.width <= 2 * box.height
                    && backgroundSide(of: box, in: image) == polarity
            }
            // A pictogram left out of every line is cleared before the page pass: a sliver narrower than half its
            // height is no icon but the piece of a glyph the ink map kept (a thin light asterisk's stem on a dark
            // card), and clearing it broke the glyph for the page's reading.
            pictograms += chained.pictograms.filter { isIcon($0) && $0.width * 2 >= $0.height }
            lineEndIcons += chained.lineEndIcons.filter(isIcon)
            decorations += chained.decorations.filter { backgroundSide(of: $0, in: image) == polarity }
        }
        var regions = deduplicated(lines).sorted { ($0.box.top, $0.box.left) < ($1.box.top, $1.box.left) }
        // A lone glyph right at a line's end, as tall as its glyphs and narrower than high, is one of them (the last
        // digit of `******904` when the stars and the digits fell into two lines), not an icon to clear.
        pictograms.removeAll { box in
            guard let index = regions.firstIndex(where: { isTrailingGlyph(box, of: $0) }) else { return false }
            regions[index].glyphs.append(box)
            regions[index].glyphs.sort { $0.left < $1.left }
            regions[index].box = regions[index].box.union(box)
            return true
        }
        // A blob inside a line's box is part of it (a date's hyphen too small to chain), never an icon to clear.
        let apart = { (box: RecognizedWord.Box) in !regions.contains { $0.box.overlapArea(box) > 0 } }
        return TextLayout(
            regions: regions, pictograms: pictograms.filter(apart), lineEndIcons: lineEndIcons.filter(apart),
            decorations: decorations.filter(apart))
    }

    /// Whether `box` is a glyph of `region` the chaining left out: on its band, as tall as its glyphs, narrower than
    /// high, and closer to its end than `trailingGapTenths` tenths of a glyph height.
    static func isTrailingGlyph(_ box: RecognizedWord.Box, of region: TextRegion) -> Bool {
        // As tall as the glyph it would stand next to: the line's median is a star's height when six stars come
        // before three digits.
        let neighbour = box.left >= region.box.right ? region.glyphs.last : region.glyphs.first
        let height = max(1, region.glyphHeight, neighbour?.height ?? 0)
        let overlap = min(box.bottom, region.box.bottom) - max(box.top, region.box.top)
        let gap = max(box.left - region.box.right, region.box.left - box.right)
        return overlap * 2 >= box.height && box.height * 10 >= height * 8 && box.height * 10 <= height * 13
            && box.width * 100 <= box.height * 85 && gap >= 0 && gap * 10 < height * trailingGapTenths
    }

    /// Widest gap between a line's end and a glyph the chaining left out, in tenths of a glyph height.
    static let trailingGapTenths = 4

    /// The region with each glyph column wider than high (glyphs that touch) cut short of a hyphen or dash touching
    /// either end: columns of the box whose ink lies only in its middle half. A hyphen standing apart is no glyph
    /// column; touching `04-` in a bold serif date it made the column wide enough to count three glyphs.
    static func withoutDashEnds(_ region: TextRegion, ink: [UInt8], value: UInt8, width: Int) -> TextRegion {
        var trimmed = region
        trimmed.glyphs = region.glyphs.map { box in
            guard box.width > box.height, box.height >= 4 else { return box }
            let isDashColumn = { (x: Int) -> Bool in
                let rows = (box.top..<box.bottom).filter { y in
                    x >= 0 && x < width && y >= 0 && y * width + x < ink.count && ink[y * width + x] == value
                }
                guard let first = rows.first, let last = rows.last else { return true }
                return (first - box.top) * 4 >= box.height && (box.bottom - 1 - last) * 4 >= box.height
            }
            var left = box.left
            var right = box.right
            while left < right, isDashColumn(left) { left += 1 }
            while right > left, isDashColumn(right - 1) { right -= 1 }
            guard right - left >= box.height / 2 else { return box }
            return RecognizedWord.Box(left: left, top: box.top, right: right, bottom: box.bottom)
        }
        return trimmed
    }

    /// Whether a blob is a solid dot: about as wide as high (a digit is narrower) and mostly ink (a glyph's strokes
    /// leave much of its box empty).
    static func isDot(_ blob: Blob, settings: Settings) -> Bool {
        let area = blob.box.width * blob.box.height
        guard area > 0, blob.box.width * 3 >= blob.box.height * 2, blob.box.height * 3 >= blob.box.width * 2 else {
            return false
        }
        return Double(blob.pixels) / Double(area) >= settings.dotFill
    }

    /// Whether a blob wider than four heights is a run of touching glyphs: tall enough for a line and partly inked.
    static func isGlyphRun(_ blob: Blob, settings: Settings) -> Bool {
        let area = blob.box.width * blob.box.height
        guard blob.box.height >= settings.minimumLineGlyphHeight, area > 0 else { return false }
        return settings.glyphRunFill.contains(Double(blob.pixels) / Double(area))
    }

    /// 1 where a pixel is at least `delta` darker than its morphological closing (a dark stroke narrower than the
    /// structuring element), 2 where it is as much lighter than its opening (a light stroke), 0 elsewhere and where
    /// excluded. Closing and opening keep the edges of large flat shapes (cards, chips, buttons), so text inside a chip
    /// is told from the chip and the chip's edge is no text. With it, each ink pixel's contrast (its grey levels from
    /// the closing or opening, at most 255).
    static func inkMap(_ image: GrayImage, excluded: [UInt8], delta: Int) -> (map: [UInt8], contrast: [UInt8]) {
        let width = image.width
        let height = image.height
        let size = max(9, min(31, min(width, height) / 64)) | 1
        let closing = MorphologyFilter.closing(image.pixels, width: width, height: height, size: size)
        let opening = MorphologyFilter.opening(image.pixels, width: width, height: height, size: size)
        var map = [UInt8](repeating: 0, count: width * height)
        var contrast = [UInt8](repeating: 0, count: width * height)
        image.pixels.withUnsafeBufferPointer { pixels in
            for index in 0..<(width * height) where excluded[index] == 0 {
                let value = Int(pixels[index])
                let darker = Int(closing[index]) - value
                let lighter = value - Int(opening[index])
                if darker >= delta {
                    map[index] = 1
                    contrast[index] = UInt8(clamping: darker)
                } else if lighter >= delta {
                    map[index] = 2
                    contrast[index] = UInt8(clamping: lighter)
                }
            }
        }
        return (map, contrast)
    }

    /// Blobs that overlap horizontally and touch or nearly touch vertically (`stackingGap`, or a quarter of the taller, apart:
    /// a light asterisk's stem breaks with gaps that wide) joined into one: a glyph drawn in pieces
    /// (a thin asterisk's arms and stems, a letter and its accent, an `i` and its dot); never an outline round a glyph,
    /// nor into anything taller than `maxHeight`: the gap allowed grows with the taller piece, so a union past glyph
    /// size (a page's stripes) would go on to swallow every glyph above and below it (the rings of dotted zeros). Nor
    /// two pieces apart by more than `stackingGap` when one is a band (see `hasBand`): a strip of a dark page between two
    /// light chips (darker than its closing, ten digits wide) took the digits under it into a unit taller than any
    /// glyph, and the line lost them.
    static func stacked(_ blobs: [Blob], maxHeight: Int = .max) -> [Blob] {
        var units = blobs.sorted { $0.box.left < $1.box.left }
        var index = 0
        while index < units.count {
            var merged = false
            var other = index + 1
            while other < units.count, units[other].box.left < units[index].box.right {
                let a = units[index].box
                let b = units[other].box
                let shared = a.overlapWidth(b)
                let gap = -a.overlapHeight(b)
                if shared * 2 >= min(a.width, b.width), gap <= max(stackingGap, max(a.height, b.height) / 4),
                    gap <= stackingGap || !hasBand(a, b),
                    a.union(b).height <= maxHeight, !frames(a, b), !frames(b, a)
                {
                    units[index] = Blob(box: a.union(b), pixels: units[index].pixels + units[other].pixels)
                    units.remove(at: other)
                    merged = true
                } else {
                    other += 1
                }
            }
            if !merged { index += 1 }
        }
        return units
    }

    /// The gap, in pixels, pieces of one glyph may always leave between them (a light asterisk's broken stem).
    static let stackingGap = 3

    /// How many times as wide as the other a band is (a dot under a wide capital `Ợ` is a fifth of it).
    static let stackingWidthRatio = 6

    /// Whether one of two pieces, the wider, is a band: wider than high and more than `stackingWidthRatio` times as
    /// wide as the other. No letter under an accent is (letters are higher than wide, touching runs aside); a page's strip or a
    /// rule under a line is. A diagonal stripe's pieces are not, so they still join into the shapes a pattern shows.
    static func hasBand(_ a: RecognizedWord.Box, _ b: RecognizedWord.Box) -> Bool {
        let (wide, narrow) = a.width >= b.width ? (a, b) : (b, a)
        return wide.width > wide.height && wide.width > stackingWidthRatio * max(1, narrow.width)
    }

    /// Widest two overlapping pieces of one glyph, in tenths of the line's height.
    static let pieceWidthTenths = 8

    /// Whether a hyphen mid-line lies between a line and a blob, each within `reach` of it.
    static func bridged(
        _ line: RecognizedWord.Box, to box: RecognizedWord.Box, reach: Double, by dashes: [RecognizedWord.Box]
    ) -> Bool {
        guard Double(box.left - line.right) <= 3 * reach, !dashes.isEmpty else { return false }
        var low = 0
        var high = dashes.count
        while low < high {
            let middle = (low + high) / 2
            if dashes[middle].left < line.right { low = middle + 1 } else { high = middle }
        }
        let centreTop = line.top + line.height / 4
        let centreBottom = line.bottom - line.height / 8
        for dash in dashes[low...] {
            guard dash.left < box.left else { break }
            let centre = (dash.top + dash.bottom) / 2
            if dash.right <= box.left, centre >= centreTop, centre <= centreBottom,
                Double(dash.left - line.right) <= reach, Double(box.left - dash.right) <= reach
            {
                return true
            }
        }
        return false
    }

    /// Whether `outer` holds `inner` inside it and is half as tall again: a cell's or a chip's outline round a glyph,
    /// not a piece of it.
    static func frames(_ outer: RecognizedWord.Box, _ inner: RecognizedWord.Box) -> Bool {
        outer.left <= inner.left && outer.right >= inner.right && outer.top <= inner.top && outer.bottom >= inner.bottom
            && outer.height * 2 >= inner.height * 3
    }

    /// Blobs chained into lines, each line's blobs merged into glyph columns; lines of fewer than two columns dropped.
    static func chain(
        _ blobs: [Blob], polarity: TextRegion.Polarity, settings: Settings, dashes: [RecognizedWord.Box] = []
    )
        -> (
            regions: [TextRegion], pictograms: [RecognizedWord.Box], lineEndIcons: [RecognizedWord.Box],
            decorations: [RecognizedWord.Box]
        )
    {
        struct Line {
            var box: RecognizedWord.Box
            var blobs: [Blob]
        }
        var lines: [Line] = []
        for blob in blobs.sorted(by: { $0.box.left < $1.box.left }) {
            let box = blob.box
            var best: (index: Int, overlap: Int)?
            for (index, line) in lines.enumerated() {
                let lineHeight = line.box.height
                let overlap = min(box.bottom, line.box.bottom) - max(box.top, line.box.top)
                guard overlap * 2 >= min(box.height, lineHeight), box.height * 4 >= lineHeight,
                    lineHeight * 4 >= box.height
                else { continue }
                let gap = box.left - line.box.right
                let reach = settings.maximumGap * Double(max(lineHeight, box.height))
                guard Double(gap) <= reach || bridged(line.box, to: box, reach: reach, by: dashes) else { continue }
                if best.map({ overlap > $0.overlap }) ?? true { best = (index, overlap) }
            }
            if let best {
                lines[best.index].box = lines[best.index].box.union(box)
                lines[best.index].blobs.append(blob)
            } else {
                lines.append(Line(box: box, blobs: [blob]))
            }
        }
        var pictograms: [RecognizedWord.Box] = []
        var lineEndIcons: [RecognizedWord.Box] = []
        var decorations: [RecognizedWord.Box] = []
        var bands: [Line] = []
        for line in lines {
            for (blobs, icons) in split(line.blobs) {
                pictograms += icons.map(\.box)
                guard let first = blobs.first else { continue }
                bands.append(Line(box: blobs.dropFirst().reduce(first.box) { $0.union($1.box) }, blobs: blobs))
            }
        }
        // Chaining runs left to right, so a short glyph (an asterisk) measures its gap by its own height: stars spaced
        // wider than that before digits stay lines of one or two. A line of shorter glyphs joins the taller line after
        // it within the taller line's reach, as it would have the other way round.
        var joining = true
        while joining {
            joining = false
            search: for right in bands.indices {
                for left in bands.indices where left != right {
                    let a = bands[left].box
                    let b = bands[right].box
                    let overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
                    let gap = b.left - a.right
                    let reach = settings.maximumGap * Double(b.height)
                    guard a.height < b.height, gap >= 0, Double(gap) <= reach, overlap * 2 >= a.height,
                        a.height * 4 >= b.height
                    else { continue }
                    bands[right].box = b.union(a)
                    bands[right].blobs = bands[left].blobs + bands[right].blobs
                    bands.remove(at: left)
                    joining = true
                    break search
                }
            }
        }
        let regions = bands.compactMap { line -> TextRegion? in
            var columns: [Blob] = []
            for blob in line.blobs.sorted(by: { $0.box.left < $1.box.left }) {
                if let last = columns.last {
                    let shared = last.box.overlapWidth(blob.box)
                    // Pieces that overlap and together are no wider than a letter are one glyph: a thin serif `n`
                    // whose arch meets its stem too faintly for the ink map.
                    let piece =
                        shared >= 1
                        && (max(last.box.right, blob.box.right) - last.box.left) * 10
                            <= line.box.height * Self.pieceWidthTenths
                    if shared * 2 >= min(last.box.width, blob.box.width) || piece
                        || isBrokenSlash(lower: last.box, upper: blob.box, lineHeight: line.box.height)
                    {
                        columns[columns.count - 1] = Blob(
                            box: last.box.union(blob.box), pixels: last.pixels + blob.pixels)
                        continue
                    }
                }
                columns.append(blob)
            }
            let tall = withoutTallColumns(columns)
            lineEndIcons += tall.removed.map(\.box)
            let ends = withoutPictograms(tall.kept)
            columns = ends.kept
            lineEndIcons += ends.removed.map(\.box)
            guard columns.count >= 2 else {
                pictograms += columns.map(\.box)
                return nil
            }
            // A dashed rule or a perforation (every blob wider than high) is no text, nor a dotted leader (every blob
            // a solid dot or dash): neither can hold a digit or a letter.
            guard !columns.allSatisfy({ $0.box.width * 2 >= $0.box.height * 3 || isDot($0, settings: settings) })
            else {
                decorations.append(line.box)
                return nil
            }
            guard let box = columns.first.map({ columns.dropFirst().reduce($0.box) { $0.union($1.box) } }) else {
                return nil
            }
            let region = TextRegion(box: box, glyphs: columns.map(\.box), polarity: polarity)
            return region.glyphHeight >= settings.minimumLineGlyphHeight ? region : nil
        }
        return (regions, pictograms, lineEndIcons, decorations)
    }

    /// Whether two pieces side by side are the halves of one slash broken in the middle (thin grey serif text, `01/11`):
    /// the lower one first, the upper one right after it (at most `slashGap` pixels apart, overlapping neither way),
    /// each thin (under two thirds as wide as high) and under three quarters of their span, which reaches three fifths
    /// of the line's height. No pair of characters is drawn so (a comma and a quote, neither counted, aside).
    static func isBrokenSlash(lower: RecognizedWord.Box, upper: RecognizedWord.Box, lineHeight: Int) -> Bool {
        let gap = upper.left - lower.right
        let span = lower.bottom - upper.top
        let thin = { (box: RecognizedWord.Box) in box.width * 3 < box.height * 2 }
        return gap >= 0 && gap <= slashGap && upper.bottom <= lower.top && lower.top - upper.bottom <= span / 3
            && thin(lower) && thin(upper) && lower.height * 4 < span * 3 && upper.height * 4 < span * 3
            && span * 5 >= lineHeight * 3
    }

    /// Widest gap between the halves of a broken slash, in pixels.
    static let slashGap = 2

    /// The columns less those more than `tallColumnHeights` times as high as the line's glyphs: no character is (an
    /// accented capital with a descender is under twice), so such a column, wherever it lies in the line, is a background
    /// stripe's piece or a divider that chained onto it, and would stand as a glyph no reading accounts for.
    static func withoutTallColumns(_ columns: [Blob]) -> (kept: [Blob], removed: [Blob]) {
        guard columns.count >= 3 else { return (columns, []) }
        let glyph = MaskRunDetector.lineHeight(columns.map(\.box.height))
        guard glyph > 0 else { return (columns, []) }
        let isTall = { (blob: Blob) in blob.box.height > tallColumnHeights * glyph }
        return (columns.filter { !isTall($0) }, columns.filter(isTall))
    }

    /// How many line glyph heights a column may reach and still be a character.
    static let tallColumnHeights = 2

    /// The columns less a pictogram at either end: a column about as wide as high, at least as tall as the line's
    /// glyphs, apart from the next by a gap wider than `pictogramGap` glyph heights (an icon before a value; a word
    /// space is a third of that).
    static func withoutPictograms(_ columns: [Blob]) -> (kept: [Blob], removed: [Blob]) {
        guard columns.count >= 3 else { return (columns, []) }
        let glyph = MaskRunDetector.lineHeight(columns.map(\.box.height))
        func isPictogram(_ blob: Blob, gap: Int) -> Bool {
            blob.box.height * 5 >= glyph * 4 && blob.box.width * 10 >= blob.box.height * 7
                && Double(gap) >= pictogramGap * Double(glyph)
        }
        var kept = columns
        var removed: [Blob] = []
        if isPictogram(kept[0], gap: kept[1].box.left - kept[0].box.right) { removed.append(kept.removeFirst()) }
        let count = kept.count
        if count >= 3, isPictogram(kept[count - 1], gap: kept[count - 1].box.left - kept[count - 2].box.right) {
            removed.append(kept.removeLast())
        }
        return (kept, removed)
    }

    /// The least gap after (or before) a pictogram at a line's end, in glyph heights.
    static let pictogramGap = 0.75

    /// A chained line's blobs as one or more lines: where its glyphs of ordinary height (at most 3/2 of the line's)
    /// lie in separate bands, one above the other, each band with two or more of them is a line of its own. A tall
    /// blob lying less than half in its band is left out: an icon beside a label and its value, which chains both into
    /// one line or stretches the label's box over the value. A blob of ordinary height goes with the band it overlaps
    /// most.
    static func split(_ blobs: [Blob]) -> [(blobs: [Blob], pictograms: [Blob])] {
        // The line's glyph height: the tallest that two blobs share (not the median: six asterisks before three
        // digits would make the digits tall).
        let glyph = MaskRunDetector.lineHeight(blobs.map(\.box.height))
        guard blobs.count >= 4, glyph > 0 else { return [(blobs, [])] }
        let ordinary = blobs.filter { $0.box.height * 2 <= glyph * 3 }
        var bands: [(top: Int, bottom: Int, count: Int)] = []
        for blob in ordinary.sorted(by: { $0.box.top < $1.box.top }) {
            if let last = bands.last, blob.box.top < last.bottom {
                bands[bands.count - 1] = (last.top, max(last.bottom, blob.box.bottom), last.count + 1)
            } else {
                bands.append((blob.box.top, blob.box.bottom, 1))
            }
        }
        // A band of accents that did not join their letters is no line: it is lower than half the glyph height.
        let lines = bands.filter { $0.count >= 2 && ($0.bottom - $0.top) * 2 >= glyph }
        guard !lines.isEmpty else { return [(blobs, [])] }
        var groups = [(blobs: [Blob], pictograms: [Blob])](repeating: ([], []), count: lines.count)
        for blob in blobs {
            // The band it overlaps most, else the nearest (the overlap is then a negative gap). A tall blob that lies
            // less than half in its band spans the lines: a pictogram, no character of either.
            let overlaps = lines.map { min($0.bottom, blob.box.bottom) - max($0.top, blob.box.top) }
            guard let best = overlaps.indices.max(by: { overlaps[$0] < overlaps[$1] }) else { continue }
            if blob.box.height * 2 > glyph * 3, overlaps[best] * 2 < blob.box.height {
                groups[best].pictograms.append(blob)
            } else {
                groups[best].blobs.append(blob)
            }
        }
        return groups.filter { !$0.blobs.isEmpty }
    }

    /// The polarity of text in `line` told by its background: most of a line's surroundings are background, so their
    /// median grey lies nearer the light end under dark text and nearer the dark end under light text. The gaps
    /// between light letters are dark blobs too; this keeps them from passing for dark text.
    ///
    /// With `rowsOnly` (a text line), grown by its height on either side but not above or below it: a flat area right
    /// above or below the line (a sheet or a dialog over dimmed text, cutting it) would outweigh its background.
    static func backgroundSide(of line: RecognizedWord.Box, in image: GrayImage, rowsOnly: Bool = false)
        -> TextRegion.Polarity
    {
        // Grown by half its height all round: bold glyphs fill much of a tight box.
        let pad = line.height / 2
        let box =
            rowsOnly
            ? RecognizedWord.Box(
                left: line.left - line.height, top: line.top, right: line.right + line.height, bottom: line.bottom)
            : RecognizedWord.Box(
                left: line.left - pad, top: line.top - pad, right: line.right + pad, bottom: line.bottom + pad)
        var histogram = [Int](repeating: 0, count: 256)
        var count = 0
        for y in max(0, box.top)..<min(image.height, box.bottom) {
            for x in max(0, box.left)..<min(image.width, box.right) {
                histogram[Int(image.pixels[y * image.width + x])] += 1
                count += 1
            }
        }
        func percentile(_ fraction: Double) -> Int {
            let target = Int(Double(count) * fraction)
            var seen = 0
            for value in 0..<256 {
                seen += histogram[value]
                if seen > target { return value }
            }
            return 255
        }
        let low = percentile(0.05)
        let median = percentile(0.5)
        let high = percentile(0.95)
        return high - median <= median - low ? .dark : .light
    }

    /// Where a dark and a light line cover the same text (the counters of dark letters are light blobs), the one with
    /// more glyphs.
    static func deduplicated(_ lines: [TextRegion]) -> [TextRegion] {
        var kept: [TextRegion] = []
        for line in lines.sorted(by: { $0.glyphs.count > $1.glyphs.count }) {
            let area = line.box.width * line.box.height
            let covered = kept.contains { other in
                let shared = other.box.overlapArea(line.box)
                return shared * 10 >= area * 3
            }
            if !covered { kept.append(line) }
        }
        return kept
    }
}

/// A connected group of ink pixels (8-connected): its box and size.
struct Blob: Equatable {
    let box: RecognizedWord.Box
    let pixels: Int

    /// The connected groups of `value` in `map`; at most `limit` of them.
    static func components(of map: [UInt8], width: Int, height: Int, value: UInt8, limit: Int) -> [Blob] {
        var seen = [Bool](repeating: false, count: map.count)
        var blobs: [Blob] = []
        var stack: [Int] = []
        for start in map.indices where map[start] == value && !seen[start] {
            guard blobs.count < limit else { break }
            seen[start] = true
            stack.append(start)
            var left = start % width
            var right = left
            var top = start / width
            var bottom = top
            var count = 0
            while let index = stack.popLast() {
                count += 1
                let x = index % width
                let y = index / width
                left = min(left, x)
                right = max(right, x)
                top = min(top, y)
                bottom = max(bottom, y)
                for dy in -1...1 {
                    let ny = y + dy
                    guard ny >= 0, ny < height else { continue }
                    for dx in -1...1 {
                        let nx = x + dx
                        guard nx >= 0, nx < width else { continue }
                        let next = ny * width + nx
                        if map[next] == value, !seen[next] {
                            seen[next] = true
                            stack.append(next)
                        }
                    }
                }
            }
            blobs.append(
                Blob(box: RecognizedWord.Box(left: left, top: top, right: right + 1, bottom: bottom + 1), pixels: count)
            )
        }
        return blobs
    }
}
