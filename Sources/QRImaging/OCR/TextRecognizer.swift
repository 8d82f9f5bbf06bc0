internal import CTesseract
import Foundation
import QRSymbol
import QRText

/// A tesseract engine for the text beside the code; owns its `TessBaseAPI` handle.
///
/// Not `Sendable`: an engine keeps per-image state, so each worker makes its own.
///
/// ```swift
/// let recognizer = try TextRecognizer()
/// let words = recognizer.recognize(image, blanking: symbols.map(\.corners))
/// ```
public final class TextRecognizer {
    /// The languages every screen is read with: Vietnamese labels and names, English and digits.
    public static let defaultLanguages = "vie+eng"

    let tesseract: TesseractLibrary
    let handle: OpaquePointer
    public let languages: String

    /// Opens libtesseract (on the first recognizer of the process) and loads the language data; throws when
    /// tesseract or its data is missing.
    public init(languages: String = TextRecognizer.defaultLanguages, dataPath: String? = nil)
        throws(TextRecognizerError)
    {
        let tesseract: TesseractLibrary
        switch TesseractLibrary.open() {
        case .success(let library): tesseract = library
        case .failure(let failure):
            throw TextRecognizerError(
                code: .libraryUnavailable, languages: languages, dataPath: dataPath, detail: failure.reason)
        }
        guard let handle = tesseract.create() else {
            throw TextRecognizerError(code: .engineUnavailable, languages: languages, dataPath: dataPath)
        }
        let status = dataPath.withOptionalCString { path in tesseract.init3(handle, path, languages) }
        guard status == 0 else {
            tesseract.destroy(handle)
            throw TextRecognizerError(code: .languageDataMissing, languages: languages, dataPath: dataPath)
        }
        self.tesseract = tesseract
        self.handle = handle
        self.languages = languages
        tesseract.setPageSegMode(handle, PSM_SPARSE_TEXT)
        _ = tesseract.setVariable(handle, "debug_file", "/dev/null")
        _ = tesseract.setVariable(handle, "user_defined_dpi", "300")
    }

    deinit {
        tesseract.end(handle)
        tesseract.destroy(handle)
    }

    /// Every word on the screen, in tesseract's reading order, with the QR symbols' areas blanked first.
    ///
    /// - Parameter blanking: the corner polygons of the symbols found (zbar's 4 corners each); blanked with
    ///   the background and a margin so module patterns are not read as letters.
    /// - Parameter margin: how far each side of a polygon moves out, as a fraction of its size (0: blank it exactly,
    ///   for polygons that already hold the quiet zone).
    /// - Parameter clearing: boxes of what is no text (dotted leaders, icons), filled with their surroundings first.
    /// - Parameter turnedLines: text lines the preparation leaves light on dark (a light card on a grey page, light
    ///   text in a dark chip), where asterisks are looked for again with the lines turned dark-on-light.
    /// - Parameter background: the image's commonest grey, when the caller has measured it.
    public func recognize(
        _ image: GrayImage, blanking: [[Point]], margin: Double = OCRImagePreparation.blankingMargin,
        clearing: [RecognizedWord.Box] = [], turnedLines: [TextRegion] = [], background: UInt8? = nil
    ) -> [RecognizedWord] {
        OpenMPThreads.runSerially()
        var pixels = OCRImagePreparation.prepare(image, blanking: blanking, margin: margin, background: background)
        for box in clearing {
            OCRImagePreparation.clear(&pixels, width: image.width, height: image.height, box: box, margin: 2)
        }
        guard let width = Int32(exactly: image.width), let height = Int32(exactly: image.height) else { return [] }
        defer { tesseract.clear(handle) }
        pixels.withUnsafeBufferPointer { buffer in
            tesseract.setImage(handle, buffer.baseAddress, width, height, 1, width)
        }
        tesseract.setPageSegMode(handle, PSM_SPARSE_TEXT)
        let page = recognizeWords()
        var words: [RecognizedWord] = []
        for line in TextLines.group(page) {
            guard line.contains(where: { $0.text.contains(where: Self.rereadTrigger) }) else {
                words += line
                continue
            }
            let reread = rereadLine(line, pixels: pixels, imageWidth: image.width, imageHeight: image.height)
            words += reread.isEmpty ? line : reread
        }
        words = words.map { word in rereadNumber(word, pixels: pixels, imageWidth: image.width) ?? word }
        // The page is turned dark-on-light by its commonest grey, which leaves a light card on a grey page (or light
        // text in a dark chip) the other way round: tokens are looked for again in the page turned over, in the bands
        // of those lines only (the whole page's bands cost up to 0.3 s), where the page's own polarity found none.
        var verifiedTokens: [RecognizedWord] = []
        var views: [(pixels: [UInt8], near: [Range<Int>]?)] = [(pixels, nil)]
        if !turnedLines.isEmpty {
            views.append((pixels.map { 255 &- $0 }, turnedLines.map { $0.box.top..<max($0.box.top, $0.box.bottom) }))
        }
        for view in views {
            for token in MaskRunDetector.starTokens(
                in: view.pixels, width: image.width, height: image.height, near: view.near)
            where !verifiedTokens.contains(where: { $0.box.overlapArea(token.box) > 0 }) {
                guard let word = readStarToken(token, pixels: view.pixels, imageWidth: image.width) else { continue }
                words.removeAll { other in Self.competes(other.box, with: token.box) }
                words.append(word)
                verifiedTokens.append(word)
            }
        }
        // Tesseract also reads bullets as `*`: in a word no star token verified, an `*` becomes `•` when the pixels
        // of the word hold bullet-shaped glyphs (round, solid, floating mid-line).
        let verified = Set(verifiedTokens)
        return words.map { word in
            var measured = word
            if !verified.contains(word), word.text.contains("*"),
                MaskRunDetector.hasBullets(in: word.box, pixels: pixels, width: image.width, height: image.height)
            {
                measured.text = word.text.replacingOccurrences(of: "*", with: "\u{2022}")
            }
            measured.contrast = Self.contrast(of: word.box, in: pixels, width: image.width, height: image.height)
            return measured
        }
    }

    /// The word box's contrast: the spread between its darkest and lightest tenth of pixels, 0–1 (the prepared
    /// image is dark text on light).
    static func contrast(of box: RecognizedWord.Box, in pixels: [UInt8], width: Int, height: Int) -> Double? {
        let left = max(0, box.left)
        let right = min(width, box.right)
        let top = max(0, box.top)
        let bottom = min(height, box.bottom)
        guard right > left, bottom > top else { return nil }
        var histogram = [Int](repeating: 0, count: 256)
        for y in top..<bottom {
            for x in left..<right { histogram[Int(pixels[y * width + x])] += 1 }
        }
        let total = (right - left) * (bottom - top)
        let tenth = max(1, total / 10)
        var dark = 0
        var seen = 0
        while dark < 255, seen + histogram[dark] < tenth { seen += histogram[dark]; dark += 1 }
        var light = 255
        seen = 0
        while light > 0, seen + histogram[light] < tenth { seen += histogram[light]; light -= 1 }
        return Double(max(0, light - dark)) / 255
    }

    /// Every word of the untouched screenshot in one sparse-text pass (PSM 11): plain tesseract, the baseline the
    /// suite's preparation is measured against (scripts/bench-display); no blanking, no re-reading.
    public func recognizePlain(_ image: GrayImage) -> [RecognizedWord] {
        OpenMPThreads.runSerially()
        guard let width = Int32(exactly: image.width), let height = Int32(exactly: image.height) else { return [] }
        defer { tesseract.clear(handle) }
        image.pixels.withUnsafeBufferPointer { buffer in
            tesseract.setImage(handle, buffer.baseAddress, width, height, 1, width)
        }
        tesseract.setPageSegMode(handle, PSM_SPARSE_TEXT)
        return recognizeWords()
    }

    /// A token with asterisks, which tesseract drops or garbles: the asterisks are counted from the pixels, hyphens
    /// told by shape, and tesseract reads the other glyphs restricted to digits and `/`. Nil unless every glyph
    /// group reads as that many characters.
    func readStarToken(
        _ token: MaskRunDetector.StarToken, pixels: [UInt8], imageWidth: Int
    ) -> RecognizedWord? {
        var text = ""
        setWhitelist("0123456789/")
        defer { setWhitelist("") }
        for piece in token.pieces {
            switch piece {
            case .stars(let count): text += String(repeating: "*", count: count)
            case .bullets(let count): text += String(repeating: "\u{2022}", count: count)
            case .hyphen: text += "-"
            case .slash: text += "/"
            case .glyphs(let box, let count):
                let read = readGlyphText(box, count: count, pixels: pixels, imageWidth: imageWidth)
                guard let read, read.count == count else { return nil }
                text += read
            }
        }
        // Every glyph is accounted for (asterisks and signs by shape, the rest one character per blob), which is
        // stronger evidence than tesseract's own confidence in a whitelisted read, and counts its own glyphs (two
        // asterisks drawn touching are one ink blob but two glyphs here).
        return RecognizedWord(
            text: text, box: token.box, confidence: Self.verifiedTokenConfidence, glyphs: GlyphCount.of(text))
    }

    /// A number of six characters or more, read again from its box restricted to digits and date signs at each of
    /// `glyphReadHeights`. A reading with a letter or two in it (`04809511380ó`) takes what most readings agree on (the
    /// first, when none agree); one in digits and signs only (`034556782` for a bold `031556782`) takes another reading
    /// only when most readings agree on it against the page's, the page's own reading counted as one vote, so the first
    /// reading that confirms the page's ends the search. Nil when the word keeps its reading.
    func rereadNumber(_ word: RecognizedWord, pixels: [UInt8], imageWidth: Int) -> RecognizedWord? {
        let characters = Array(word.text)
        let digits = characters.filter(\.isNumber).count
        guard characters.count >= 6, digits * 10 >= characters.count * 7, !characters.contains("*") else { return nil }
        let hasLetters = characters.contains { $0.isLetter }
        setWhitelist("0123456789-/.")
        defer { setWhitelist("") }
        var readings: [(text: String, confidence: Double)] = []
        for height in Self.glyphReadHeights {
            guard
                let read = readGlyphs(
                    word.box, count: characters.count, height: height, pixels: pixels, imageWidth: imageWidth),
                read.text.count == characters.count
            else { continue }
            // The page's reading and this one agree: the other readings cannot outvote them.
            if read.text == word.text { return nil }
            readings.append(read)
        }
        guard let read = Self.agreed(readings) ?? (hasLetters ? readings.first : nil) else { return nil }
        var reread = word
        reread.text = read.text
        reread.confidence = read.confidence
        return reread
    }

    /// Restricts what tesseract may read to `characters`; the empty string lifts the restriction.
    func setWhitelist(_ characters: String) {
        _ = tesseract.setVariable(handle, "tessedit_char_whitelist", characters)
    }

    /// Whether a page word is another reading of a verified token's pixels: its centre lies in the token, or it
    /// covers at least half the token's height over at least half its own width (a garbled word stretched over
    /// the line).
    static func competes(_ word: RecognizedWord.Box, with token: RecognizedWord.Box) -> Bool {
        let centreX = (word.left + word.right) / 2
        let centreY = (word.top + word.bottom) / 2
        if token.contains(x: centreX, y: centreY) { return true }
        let overlapX = word.overlapWidth(token)
        let overlapY = word.overlapHeight(token)
        return overlapX * 2 >= word.width && overlapX > 0 && overlapY * 2 >= token.height
    }

    /// The confidence given a star token whose every glyph was accounted for.
    static let verifiedTokenConfidence = 90.0

    /// The glyphs in a box read as one line (one character when `count` is 1), at each of `glyphReadHeights`: the
    /// text most of the readings agree on (tesseract's reading of a few digits flips with their size: `3` or `5`, `8`
    /// or `6`); the first reading when no two agree. The first two agreeing end the search: a third cannot outvote them.
    private func readGlyphText(_ box: RecognizedWord.Box, count: Int, pixels: [UInt8], imageWidth: Int) -> String? {
        var readings: [(text: String, confidence: Double)] = []
        for height in Self.glyphReadHeights {
            guard let reading = readGlyphs(box, count: count, height: height, pixels: pixels, imageWidth: imageWidth)
            else { continue }
            readings.append(reading)
            if readings.count == 2, readings[0].text == reading.text { break }
        }
        return (Self.agreed(readings) ?? readings.first)?.text
    }

    /// The text two or more readings agree on (the most agreed, if several), with their lowest confidence; nil when
    /// no two agree.
    static func agreed(_ readings: [(text: String, confidence: Double)]) -> (text: String, confidence: Double)? {
        let votes = Dictionary(grouping: readings, by: \.text)
        guard let (text, agreeing) = votes.max(by: { $0.value.count < $1.value.count }), agreeing.count >= 2 else {
            return nil
        }
        return (text, agreeing.map(\.confidence).min() ?? 0)
    }

    /// The heights, in pixels, digits are read at.
    static let glyphReadHeights = [28, 34, 40]

    /// One reading of the glyphs in a box, from a crop resampled so they are `height` pixels high, on a white margin.
    private func readGlyphs(
        _ box: RecognizedWord.Box, count: Int, height glyphHeight: Int, pixels: [UInt8], imageWidth: Int
    ) -> (text: String, confidence: Double)? {
        let scale = Double(glyphHeight) / Double(max(1, box.height))
        let glyphs = OCRImagePreparation.resampled(pixels, width: imageWidth, region: box, scale: scale)
        guard glyphs.width > 0, glyphs.height > 0 else { return nil }
        // Only the box's own pixels: neighbouring glyphs (a `/`, an asterisk) stay out.
        let pad = max(6, glyphHeight / 2)
        let cropWidth = glyphs.width + 2 * pad
        let cropHeight = glyphs.height + 2 * pad
        guard let width = Int32(exactly: cropWidth), let height = Int32(exactly: cropHeight) else { return nil }
        var crop = [UInt8](repeating: 255, count: cropWidth * cropHeight)
        for y in 0..<glyphs.height {
            for x in 0..<glyphs.width { crop[(y + pad) * cropWidth + x + pad] = glyphs.pixels[y * glyphs.width + x] }
        }
        tesseract.setPageSegMode(handle, count == 1 ? PSM_SINGLE_CHAR : PSM_SINGLE_LINE)
        crop.withUnsafeBufferPointer { buffer in
            tesseract.setImage(handle, buffer.baseAddress, width, height, 1, width)
        }
        let read = recognizeWords()
        let text = read.map(\.text).joined().filter { !$0.isWhitespace }
        return (text, read.map(\.confidence).min() ?? 0)
    }

    /// Lines holding one of these are read again as a single line: sparse-text mode often drops or garbles
    /// a run of `*` that a single-line pass reads.
    private static func rereadTrigger(_ character: Character) -> Bool {
        character.isNumber || character == "*"
    }

    /// The band of one line's words read again in single-line mode, from a fresh strip image.
    private func rereadLine(_ line: [RecognizedWord], pixels: [UInt8], imageWidth: Int, imageHeight: Int)
        -> [RecognizedWord]
    {
        guard let lineTop = line.map(\.box.top).min(), let lineBottom = line.map(\.box.bottom).max(),
            let lineLeft = line.map(\.box.left).min(), let lineRight = line.map(\.box.right).max()
        else { return [] }
        let pad = max(8, (lineBottom - lineTop) * 3 / 5)
        let top = max(0, lineTop - pad)
        let bottom = min(imageHeight, lineBottom + pad)
        // The strip reaches `lineReach` line heights beyond the words: far enough for a run of asterisks the page pass
        // dropped before the first word, no further (the single-line model reads every column of the strip).
        let reach = Self.lineReach * max(1, lineBottom - lineTop)
        let left = max(0, lineLeft - reach)
        let right = min(imageWidth, lineRight + reach)
        let columns = right - left
        guard bottom > top, columns > 0, let height = Int32(exactly: bottom - top), let width = Int32(exactly: columns)
        else { return [] }
        var full = [UInt8](repeating: 255, count: columns * (bottom - top))
        for y in top..<bottom {
            for x in left..<right { full[(y - top) * columns + x - left] = pixels[y * imageWidth + x] }
        }
        let factor = lineBottom - lineTop > Self.largeTextHeight ? 2 : 1
        let strip = factor == 1 ? full : Self.halved(full, width: columns, height: bottom - top)
        let stripWidth = factor == 1 ? width : width / 2
        let stripHeight = factor == 1 ? height : height / 2
        tesseract.setPageSegMode(handle, PSM_SINGLE_LINE)
        strip.withUnsafeBufferPointer { buffer in
            tesseract.setImage(handle, buffer.baseAddress, stripWidth, stripHeight, 1, stripWidth)
        }
        return recognizeWords().map { word in
            var moved = word
            moved.box = RecognizedWord.Box(
                left: word.box.left * factor + left, top: word.box.top * factor + top,
                right: word.box.right * factor + left, bottom: word.box.bottom * factor + top)
            return moved
        }
    }

    /// How far, in line heights, a line read again reaches beyond its words on either side.
    static let lineReach = 8

    /// Word boxes taller than this are read again at half size: the line model misreads large `*` runs.
    static let largeTextHeight = 44

    /// The image at half size, each output pixel the mean of a 2×2 block.
    static func halved(_ pixels: [UInt8], width: Int, height: Int) -> [UInt8] {
        let halfWidth = width / 2
        let halfHeight = height / 2
        var output = [UInt8](repeating: 255, count: halfWidth * halfHeight)
        for y in 0..<halfHeight {
            for x in 0..<halfWidth {
                let index = 2 * y * width + 2 * x
                let sum =
                    Int(pixels[index]) + Int(pixels[index + 1]) + Int(pixels[index + width])
                    + Int(pixels[index + width + 1])
                output[y * halfWidth + x] = UInt8(sum / 4)
            }
        }
        return output
    }

    /// Recognizes the current image and copies every word out.
    func recognizeWords() -> [RecognizedWord] {
        guard tesseract.recognize(handle, nil) == 0, let iterator = tesseract.getIterator(handle) else { return [] }
        defer { tesseract.resultIteratorDelete(iterator) }
        guard let page = tesseract.resultIteratorGetPageIterator(iterator) else { return [] }
        var words: [RecognizedWord] = []
        repeat {
            if let word = word(iterator, page) { words.append(word) }
        } while tesseract.pageIteratorNext(page, RIL_WORD) != 0
        return words
    }

    /// The word at the iterator, copied out; nil for empty text or no box.
    private func word(_ iterator: OpaquePointer, _ page: OpaquePointer) -> RecognizedWord? {
        guard let raw = tesseract.resultIteratorGetUTF8Text(iterator, RIL_WORD) else { return nil }
        let text = String(cString: raw)
        tesseract.deleteText(raw)
        guard !text.allSatisfy(\.isWhitespace) else { return nil }
        var left: Int32 = 0
        var top: Int32 = 0
        var right: Int32 = 0
        var bottom: Int32 = 0
        guard tesseract.pageIteratorBoundingBox(page, RIL_WORD, &left, &top, &right, &bottom) != 0 else { return nil }
        let confidence = Double(tesseract.resultIteratorConfidence(iterator, RIL_WORD))
        return RecognizedWord(
            text: text,
            box: RecognizedWord.Box(left: Int(left), top: Int(top), right: Int(right), bottom: Int(bottom)),
            confidence: confidence.isFinite ? min(100, max(0, confidence)) : 0)
    }
}

extension Optional where Wrapped == String {
    /// Calls `body` with a C string, or with nil when there is no string.
    fileprivate func withOptionalCString<Result>(_ body: (UnsafePointer<CChar>?) -> Result) -> Result {
        switch self {
        case .some(let text): text.withCString { body($0) }
        case .none: body(nil)
        }
    }
}
