internal import CTesseract
import QRSymbol
import QRText

extension TextRecognizer {
    /// The screen read for judging: the page's words, and every text line found from the pixels, each line read again
    /// on its own (polarity turned dark-on-light, contrast stretched, glyphs brought to one height) when the page pass
    /// did not account for its glyphs. Each word carries the glyph count the pixels show in its box.
    ///
    /// - Parameters:
    ///   - blanking: the codes' corners, blanked with a margin for the page pass (module patterns read as letters)
    ///     when no quiet zones are given;
    ///   - quietZones: the codes with their quiet zones: blanked exactly for the page pass, and the only parts left out
    ///     of the text-line search, so text right beside a code is found and read whole.
    ///   - expected: digit strings of the values the rules look for (see `verifyingDigits`): a digit of a word one digit
    ///     from one of them is read again on its own.
    public func read(_ image: GrayImage, blanking: [[Point]], quietZones: [[Point]], expected: [String] = [])
        -> ScreenReading
    {
        let found = TextRegionFinder.find(in: image, excluding: quietZones, settings: Self.finderSettings)
        // Dotted leaders and icons are cleared before the page pass: tesseract reads them as long words of `e` and
        // `o` (slow, and run into the value beside them) or as letters.
        // The page pass blanks the codes with their quiet zones and no more: a wider margin cut the tops off a date
        // beside the code, which then read `ZUU1-11-05` with confidence.
        // Lines the preparation leaves light on dark: light lines on a page it keeps, dark lines on a page it turns.
        let background = OCRImagePreparation.backgroundLuma(image)
        let pageTurned = OCRImagePreparation.turnsOver(background: background)
        let turnedLines = found.regions.filter { ($0.polarity == .light) != pageTurned }
        let clearing = found.decorations + found.pictograms
        let page =
            quietZones.isEmpty
            ? recognize(
                image, blanking: blanking, clearing: clearing, turnedLines: turnedLines, background: background)
            : recognize(
                image, blanking: quietZones, margin: 0, clearing: clearing, turnedLines: turnedLines,
                background: background)
        let regions = found.regions
        var assigned = Set<Int>()
        var words: [RecognizedWord] = []
        for region in regions {
            let inside = page.indices.filter {
                !assigned.contains($0) && Self.belongs(page[$0].box, to: region)
                    && !Self.readsPast(page[$0], region)
            }
            assigned.formUnion(inside)
            let fromPage = inside.map { Self.counted(page[$0], in: region) }
            // Any glyph the page's words miss by count sends the line to be read again (a letter word one column off
            // has brought back a misread digit beside it: `2094` for `2004`); which reading stays is judged with the
            // tolerance a letter word is allowed.
            let pageScore = Self.score(fromPage, region: region)
            guard pageScore.exactMisses > 0 || fromPage.contains(where: { $0.confidence < Self.goodConfidence }) else {
                words += fromPage
                continue
            }
            let reread = readRegion(region, in: image).map { Self.counted($0, in: region) }
            let rereadScore = Self.score(reread, region: region)
            words += rereadScore < pageScore ? reread : fromPage
        }
        let icons = found.pictograms + found.lineEndIcons
        words += page.indices.filter { !assigned.contains($0) && Self.mayBeText(page[$0], icons: icons) }
            .map { page[$0] }
        // Lines read again carry no contrast from the page pass: measure theirs on the screenshot (the same spread,
        // whichever the polarity), so the too-faint gate weighs the text read and not only the page's leftovers.
        words = words.map { word in
            guard word.contrast == nil else { return word }
            var measured = word
            measured.contrast = Self.contrast(of: word.box, in: image.pixels, width: image.width, height: image.height)
            return measured
        }
        words = withLostGlyphs(words, regions: regions, image: image)
        words = verifyingDigits(words, regions: regions, expected: expected, image: image)
        return ScreenReading(words: Self.withoutCovered(words), regions: regions)
    }

    /// The words with digits or mask signs, each counting one glyph more where glyph ink stands right beside it that
    /// no word covers (see `LostGlyphProbe`): the line finder lost it too (a mask's first stars joined to a stripe),
    /// so the columns left agreed with a reading short of it.
    func withLostGlyphs(_ words: [RecognizedWord], regions: [TextRegion], image: GrayImage) -> [RecognizedWord] {
        words.enumerated().map { index, word in
            guard let glyphs = word.glyphs,
                GlyphCount.isExact(word.text),
                let region = regions.first(where: { Self.belongs(word.box, to: $0) })
            else { return word }
            let others = words.enumerated().filter { $0.offset != index }.map(\.element.box)
            guard LostGlyphProbe.inkBeside(word.box, polarity: region.polarity, in: image, others: others) else {
                return word
            }
            var counted = word
            counted.glyphs = glyphs + 1
            return counted
        }
    }

    /// Whether a page word in no line may be text. One read without confidence is not when it lies on an icon (`t7`
    /// for a calendar: four fifths of its width and a third of its height on the icon, a value is wider than one
    /// glyph-sized blob), when it reads one or two glyphs (a row's border read as `7` or `|`: too short to hold a
    /// value, it would only run into the value beside it), or when it is lower than the finder's least line height (a
    /// dotted leader's dots read as `eeeearee` in a box 4 px high: no text a person reads).
    static func mayBeText(_ word: RecognizedWord, icons: [RecognizedWord.Box]) -> Bool {
        let box = word.box
        guard word.confidence < goodConfidence else { return true }
        guard GlyphCount.of(word.text) > 2, box.height >= finderSettings.minimumLineGlyphHeight else { return false }
        return !icons.contains { icon in
            let overlapX = icon.overlapWidth(box)
            let overlapY = icon.overlapHeight(box)
            return overlapX * 5 >= box.width * 4 && overlapY * 3 >= box.height
        }
    }

    /// The words less those that repeat part of a longer reading of the same pixels: a word mostly inside a word
    /// that accounts for its glyphs, reads more of them and holds its digits in order (`1958-` and `_**` under the
    /// star token `1958-**-**`, when the region finder put the stars in a line of their own). A word that reads other
    /// digits than the longer one is kept, so a conflict between two readings stays visible to the rules. Of two
    /// readings of the same text over the same pixels (a star token found by the page pass and again by its line's),
    /// the first stays: the second would join it into one longer number.
    static func withoutCovered(_ words: [RecognizedWord]) -> [RecognizedWord] {
        func digits(_ text: String) -> String { String(text.filter { ("0"..."9").contains($0) }) }
        func holds(_ longer: String, _ part: String) -> Bool { part.isEmpty || longer.contains(part) }
        // Mostly inside: four fifths of the word's width and of the lower box's height (a star token's box spans its
        // band, taller than the page's box round the same glyphs).
        func inside(_ word: RecognizedWord.Box, _ other: RecognizedWord.Box) -> Bool {
            let overlapX = word.overlapWidth(other)
            let overlapY = word.overlapHeight(other)
            return overlapX * 10 >= word.width * 8 && overlapY * 10 >= min(word.height, other.height) * 8
        }
        // A joined reading of words also read apart (`THÁNG,NĂM**/**/1995` over `THÁNG,`, `NĂM` and `**/**/1995`: one
        // reading across a label and its value) reads nothing they do not: it goes, and they are judged on their own.
        // Not one that accounts for its glyphs: the parts of such a reading go instead (below).
        func joins(_ index: Int, _ word: RecognizedWord) -> Bool {
            guard !word.accountsForItsGlyphs else { return false }
            let parts = words.enumerated().filter { $0.offset != index && inside($0.element.box, word.box) }
                .map(\.element).sorted { $0.box.left < $1.box.left }
            return parts.count >= 2 && parts.map(\.text).joined() == word.text.filter { !$0.isWhitespace }
        }
        return words.enumerated().filter { index, word in
            !joins(index, word)
                && !words.enumerated().contains { otherIndex, other in
                    guard otherIndex != index, inside(word.box, other.box) else { return false }
                    if other.text == word.text { return otherIndex < index && inside(other.box, word.box) }
                    return other.accountsForItsGlyphs && GlyphCount.of(other.text) > GlyphCount.of(word.text)
                        && holds(digits(other.text), digits(word.text))
                }
        }.map(\.element)
    }

    /// Plain tesseract (one PSM 11 pass on the untouched screenshot) with the same text lines found from the pixels and
    /// the glyphs counted, but nothing read again: the baseline the suite's reading is measured against.
    public func readPlain(_ image: GrayImage, quietZones: [[Point]]) -> ScreenReading {
        let page = recognizePlain(image)
        let regions = TextRegionFinder.regions(in: image, excluding: quietZones)
        let words = page.map { word in
            regions.first { Self.belongs(word.box, to: $0) }.map { Self.counted(word, in: $0) } ?? word
        }
        return ScreenReading(words: words, regions: regions)
    }

    /// Page words at least this confident are kept without reading their line again.
    static let goodConfidence = 80.0

    /// How well words account for a line: glyphs no word covers plus each word's miscount (none where the reading
    /// agrees with its columns as `GlyphCount.agrees` allows: a serif `Hiện` shows two columns, and its right reading
    /// must not lose to `an` at confidence 40) plus the letters read in a number (`ZUU1-11-05`: a bold `2001-11-05`
    /// whose zeros lost their tops), then the lowest confidence (higher is better, so it is negated). Only these two
    /// order scores; `exactMisses` counts every miscount, for whether a line is read again.
    struct ReadingScore: Comparable {
        let misses: Int
        let exactMisses: Int
        let weakest: Double

        static func < (lhs: ReadingScore, rhs: ReadingScore) -> Bool {
            (lhs.misses, -lhs.weakest) < (rhs.misses, -rhs.weakest)
        }

        static func == (lhs: ReadingScore, rhs: ReadingScore) -> Bool {
            (lhs.misses, lhs.weakest) == (rhs.misses, rhs.weakest)
        }
    }

    static func score(_ words: [RecognizedWord], region: TextRegion) -> ReadingScore {
        var covered = 0
        var miscount = 0
        var exactMiscount = 0
        // A sign read where the pixels hold no glyph (`|` at a crop's edge) is not text: it must not make a reading
        // that accounts for every glyph lose to one that misreads a digit.
        let words = words.filter { word in word.glyphs != 0 || word.text.contains { $0.isLetter || $0.isNumber } }
        for word in words {
            let glyphs = word.glyphs ?? 0
            covered += glyphs
            let exact = abs(GlyphCount.of(word.text) - glyphs)
            let misread = DigitLookAlike.misreadLetters(in: word.text)
            miscount += (GlyphCount.agrees(word.text, glyphs: glyphs) ? 0 : exact) + misread
            exactMiscount += exact + misread
        }
        let uncovered = max(0, region.glyphs.count - covered)
        return ReadingScore(
            misses: uncovered + miscount, exactMisses: uncovered + exactMiscount,
            weakest: words.map(\.confidence).min() ?? 0)
    }

    /// Whether a word's centre lies in the region's band.
    static func belongs(_ box: RecognizedWord.Box, to region: TextRegion) -> Bool {
        let x = (box.left + box.right) / 2
        let y = (box.top + box.bottom) / 2
        let slack = region.glyphHeight / 2
        return x >= region.box.left - slack && x < region.box.right + slack && y >= region.box.top - slack
            && y < region.box.bottom + slack
    }

    /// Whether a word reaches more than half a glyph height past either end of the region and reads more characters
    /// than the region has glyph columns under it: it read characters the region finder did not find (a glyph of
    /// faint text cleared with a page's pattern, say). Such a word stays outside every line, where it vouches for
    /// nothing, rather than be replaced by the line's shorter reading.
    static func readsPast(_ word: RecognizedWord, _ region: TextRegion) -> Bool {
        overhangs(word.box, region)
            && GlyphCount.of(word.text) > glyphs(in: region.glyphs(inside: word.box), line: region.glyphs)
    }

    /// Whether a box reaches more than half the region's glyph height past either end of it.
    static func overhangs(_ box: RecognizedWord.Box, _ region: TextRegion) -> Bool {
        let reach = max(1, region.glyphHeight / 2)
        return region.box.left - box.left > reach || box.right - region.box.right > reach
    }

    /// The word with the glyphs of the region inside its box, unless it counted its own (a verified mask token). A
    /// word with digits or mask signs, where one lost glyph matters, counts touching glyphs (see `glyphs(in:line:)`);
    /// a word of letters counts its columns, within the slack `GlyphCount` allows letters: a light serif `M` in
    /// pieces is one wide column beside thin strokes, and counted as touching glyphs it made `Minh` nine.
    static func counted(_ word: RecognizedWord, in region: TextRegion) -> RecognizedWord {
        guard word.glyphs == nil else { return word }
        var counted = word
        let columns = region.glyphs(inside: word.box)
        counted.glyphs = GlyphCount.isExact(word.text) ? glyphs(in: columns, line: region.glyphs) : columns.count
        return counted
    }

    /// The glyphs in a word's columns: one per column, but a column at least `touchingWidth` times as wide as a glyph
    /// holds that many glyphs, rounded (tight digits whose anti-aliased edges touch, `04` in Lato). A glyph's width is
    /// the median of the word's columns; where its `line` shows three columns or more wider than a stem, the median of
    /// those, or of the word's own such columns when narrower: stems (`l`, `i`) are no glyph's width, and with two of
    /// them `lái`'s `á` counted four glyphs; the line's width scales up to a taller word's height. Counting more never
    /// hides a lost character: a reading short of the count stays unconfident.
    static func glyphs(in columns: [RecognizedWord.Box], line: [RecognizedWord.Box]) -> Int {
        guard columns.count >= 3 else { return columns.count }
        func median(_ boxes: [RecognizedWord.Box], _ size: KeyPath<RecognizedWord.Box, Int> = \.width) -> Int? {
            let values = boxes.map { $0[keyPath: size] }.sorted()
            return values.isEmpty ? nil : max(1, values[values.count / 2])
        }
        let isStem = { (box: RecognizedWord.Box) in box.width * stemAspect < box.height }
        let lineGlyphs = line.filter { !isStem($0) }
        var reference = median(columns) ?? 1
        if lineGlyphs.count >= 3, var lineWidth = median(lineGlyphs) {
            let wordGlyphs = columns.filter { !isStem($0) }
            // A value in taller glyphs than its line's label (a bold 22 px date after a 14 px label) has wider glyphs:
            // the line's width is scaled up to the word's height, never down.
            if let wordHeight = median(wordGlyphs, \.height), let lineHeight = median(lineGlyphs, \.height),
                wordHeight > lineHeight
            {
                lineWidth = lineWidth * wordHeight / lineHeight
            }
            reference = min(median(wordGlyphs) ?? lineWidth, lineWidth)
        }
        return columns.reduce(0) { count, column in
            guard Double(column.width) >= touchingWidth * Double(reference) else { return count + 1 }
            return count + max(2, (column.width + reference / 2) / reference)
        }
    }

    /// A column is a stem, no glyph's width, when it is more than this many times as high as wide (an `l`, an `i`; a
    /// sans-serif `1` is wider).
    static let stemAspect = 3

    /// How much wider than the median column a column must be to count as glyphs that touch.
    static let touchingWidth = 1.8

    /// What the line finder counts as text (its defaults).
    static let finderSettings = TextRegionFinder.Settings()

    /// Grey levels under the background from which a row above or below a line counts as inked.
    static let edgeDelta = 32

    /// The glyph height lines are brought to before they are read again.
    static let regionGlyphHeight = 36.0

    /// One line read on its own, its words' boxes in image pixels.
    func readRegion(_ region: TextRegion, in image: GrayImage) -> [RecognizedWord] {
        let height = max(1, region.glyphHeight)
        let padX = height
        let padY = max(4, height / 2)
        let left = max(0, region.box.left - padX)
        let top = max(0, region.box.top - padY)
        let right = min(image.width, region.box.right + padX)
        let bottom = min(image.height, region.box.bottom + padY)
        guard right > left, bottom > top else { return [] }
        let cropWidth = right - left
        var crop = [UInt8](repeating: 255, count: cropWidth * (bottom - top))
        for y in top..<bottom {
            for x in left..<right {
                let value = image.pixels[y * image.width + x]
                crop[(y - top) * cropWidth + x - left] = region.polarity == .dark ? value : 255 &- value
            }
        }
        // The margin round the line keeps no part of what lies beside it (a label's descenders over its value, an
        // icon before it): it takes the crop's median grey, its background.
        let keep = max(2, height / 5)
        let rowLimit = min(bottom - top, region.box.bottom + keep - top)
        let keptRows = min(rowLimit, max(0, region.box.top - keep - top))..<rowLimit
        let columnLimit = min(cropWidth, region.box.right + keep - left)
        let keptColumns = min(columnLimit, max(0, region.box.left - keep - left))..<columnLimit
        // Nothing lighter than the background is ink (the crop is dark on light): a sheet's or a dialog's edge that
        // cuts the line (text on a dimmed page under it) takes the background's grey too, so the line stands on one
        // ground.
        let background = crop.sorted()[crop.count / 2]
        for row in 0..<(bottom - top) {
            for x in 0..<cropWidth {
                let index = row * cropWidth + x
                if !keptRows.contains(row) || !keptColumns.contains(x) || crop[index] > background {
                    crop[index] = background
                }
            }
        }
        // Above and below the line's box, a row inked across most of the line is an edge or its shadow, not a part
        // of a glyph: it would read as a dash under the words.
        for row in keptRows where row + top < region.box.top || row + top >= region.box.bottom {
            let inked = keptColumns.filter { Int(crop[row * cropWidth + $0]) + Self.edgeDelta < Int(background) }
            guard inked.count * 10 >= keptColumns.count * 6 else { continue }
            for x in keptColumns { crop[row * cropWidth + x] = background }
        }
        Self.stretch(&crop)
        let scale = min(4, max(0.5, Self.regionGlyphHeight / Double(height)))
        let scaled = OCRImagePreparation.resampled(
            crop, width: cropWidth, region: RecognizedWord.Box(left: 0, top: 0, right: cropWidth, bottom: bottom - top),
            scale: scale)
        let margin = 12
        let paddedWidth = scaled.width + 2 * margin
        let paddedHeight = scaled.height + 2 * margin
        guard scaled.width > 0, let width32 = Int32(exactly: paddedWidth), let height32 = Int32(exactly: paddedHeight)
        else { return [] }
        var pixels = [UInt8](repeating: 255, count: paddedWidth * paddedHeight)
        for y in 0..<scaled.height {
            for x in 0..<scaled.width {
                pixels[(y + margin) * paddedWidth + x + margin] = scaled.pixels[y * scaled.width + x]
            }
        }
        tesseract.setPageSegMode(handle, PSM_SINGLE_LINE)
        pixels.withUnsafeBufferPointer { buffer in
            tesseract.setImage(handle, buffer.baseAddress, width32, height32, 1, width32)
        }
        var words = recognizeWords()
        var verified = Set<RecognizedWord>()
        for token in MaskRunDetector.starTokens(in: pixels, width: paddedWidth, height: paddedHeight) {
            guard let word = readStarToken(token, pixels: pixels, imageWidth: paddedWidth) else { continue }
            words.removeAll { Self.competes($0.box, with: token.box) }
            words.append(word)
            verified.insert(word)
        }
        // A number with a stray letter (`¿1/10/1958`) is read again from its box with digits only, as on the page.
        words = words.map { word in
            verified.contains(word) ? word : rereadNumber(word, pixels: pixels, imageWidth: paddedWidth) ?? word
        }
        tesseract.clear(handle)
        words = words.map { word in
            guard !verified.contains(word), word.text.contains("*"),
                MaskRunDetector.hasBullets(in: word.box, pixels: pixels, width: paddedWidth, height: paddedHeight)
            else { return word }
            var bullets = word
            bullets.text = word.text.replacingOccurrences(of: "*", with: "\u{2022}")
            return bullets
        }
        return words.sorted { $0.box.left < $1.box.left }.map { word in
            var moved = word
            func back(_ value: Int, _ origin: Int) -> Int { origin + Int((Double(value - margin) / scale).rounded()) }
            moved.box = RecognizedWord.Box(
                left: back(word.box.left, left), top: back(word.box.top, top), right: back(word.box.right, left),
                bottom: back(word.box.bottom, top))
            return moved
        }
    }

    /// Stretches the crop's grey levels so its darkest twentieth is black and its lightest twentieth white.
    static func stretch(_ pixels: inout [UInt8]) {
        var histogram = [Int](repeating: 0, count: 256)
        for value in pixels { histogram[Int(value)] += 1 }
        let twentieth = max(1, pixels.count / 20)
        var low = 0
        var seen = 0
        while low < 255, seen + histogram[low] < twentieth {
            seen += histogram[low]
            low += 1
        }
        var high = 255
        seen = 0
        while high > 0, seen + histogram[high] < twentieth {
            seen += histogram[high]
            high -= 1
        }
        guard high - low >= 8 else { return }
        for index in pixels.indices {
            let value = (Int(pixels[index]) - low) * 255 / (high - low)
            pixels[index] = UInt8(min(255, max(0, value)))
        }
    }
}
