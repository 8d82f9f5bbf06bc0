import QRSymbol
import QRText
import QRTestSupport
import Testing

@testable import QRImaging

/// Text lines cut from headless-Chromium app screens (TestVectors/app-screens' generator, scripts/gen_app_screens.py)
/// where the reader once lost a mask or took a dotted leader for text.
@Suite("text fixtures from app screens")
struct TextFixtureTests {
    static let directory = Repository.root.appendingPathComponent("Tests/QRImagingTests/TextFixtures")

    static func prepared(_ name: String) throws -> (GrayImage, [UInt8]) {
        let (_, image) = try ImageFile.load(path: directory.appendingPathComponent(name).path)
        return (image, OCRImagePreparation.prepare(image, blanking: []))
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let why: String
        let tokens: [String]
        var testDescription: String { "\(file): \(why)" }
    }

    static let cases = [
        Case(
            file: "touching-bold-stars.png",
            why: "bold asterisks drawn edge to edge form one blob, split at their stems",
            tokens: ["******######"]),
        Case(
            file: "light-small-stars.png", why: "light asterisks a third of the digits' height still count",
            tokens: ["******###"]),
        Case(
            file: "leader-dots-before-mask.png", why: "a dotted leader's dots sit on the baseline: no bullets",
            tokens: ["******######"]),
        Case(
            file: "icon-beside-label-and-value.png",
            why: "an icon beside a label and its value inks the rows between them: still two bands",
            tokens: ["####-**-**"]),
    ]

    @Test("a mask is counted from the pixels however the face draws its asterisks", arguments: cases)
    func countsTheMask(c: Case) throws {
        let (image, pixels) = try Self.prepared(c.file)
        let tokens = MaskRunDetector.starTokens(in: pixels, width: image.width, height: image.height)
        #expect(tokens.map(StarTokenScreenTests.pattern) == c.tokens)
    }

    @Test("bold serif digits and small capitals beside a taller line are no asterisks: the full date is read as digits")
    func boldDigitsAreNoAsterisks() throws {
        let (image, pixels) = try Self.prepared("bold-serif-beside-small-caps.png")
        // A dark table (DejaVu Serif, 3.5 device pixels per CSS px): 12 CSS px letter-spaced capitals (`HỌ VÀ TÊN`,
        // `CCCD`, `NGÀY, THÁNG, NĂM SINH` stacked) beside 20 CSS px bold values. The stacked label is one 86 px
        // column, so the date's 53 px digits were star-sized and `05/11/2001` read `**/11/***1` with the star token's
        // confidence: a full birth date passing for a mask. Labels read `*******` and `****` the same way.
        let tokens = MaskRunDetector.starTokens(in: pixels, width: image.width, height: image.height)
        #expect(tokens.map(StarTokenScreenTests.pattern) == [])
        let words = try TextRecognizer().read(image, blanking: [], quietZones: []).words.map(\.text)
        #expect(words.contains("05/11/2001"))
        #expect(!words.contains { $0.contains("*") })
    }

    @Test("a thin light asterisk's stem is no pictogram to clear: the page pass still reads the whole mask")
    func starStemIsNoPictogram() throws {
        let (image, _) = try Self.prepared("thin-light-stars-on-dark-card.png")
        // `******782` in DejaVu Sans 300 at 15 CSS px, light grey on a dark card, 3.5 device pixels per CSS px
        // (y 1017–1057). The stars stand closer than the ink map's element, which fills the space between their arms,
        // so it kept only slivers of them; two slivers of the fifth star's stem (2 by 6 px) were taken for pictograms
        // and cleared before the page pass, which then lost the star token, and the line's own reading was garbled.
        let layout = TextRegionFinder.find(in: image, excluding: [])
        #expect(layout.pictograms.allSatisfy { $0.width * 2 >= $0.height })
        let words = try TextRecognizer().read(image, blanking: [], quietZones: []).words.map(\.text)
        #expect(words.contains("******782"))
    }

    @Test("a light card on a grey page is read dark-on-light for its mask: tokens are looked for in both polarities")
    func maskOnALightCardOfAGreyPage() throws {
        let (image, _) = try Self.prepared("light-card-on-grey-page.png")
        // A white table card on a mid-grey page (third draw 045, the whole screen), bold Liberation Mono `1969-**-**`
        // at y 1324–1368. The page's commonest grey is the page's, darker than mid-grey, so the page pass turned the
        // whole screen over and saw the card's text light on dark, where no asterisk was found: the date stayed unsure.
        let corners = try #require(QRScanner()?.scan(image).first?.corners)
        let quietZone = OCRImagePreparation.scaled(corners, by: 1 + 2 * 4.0 / 45)
        let reading = try TextRecognizer().read(image, blanking: [corners], quietZones: [quietZone])
        let date = reading.words.filter { $0.box.top > 1300 && $0.box.bottom < 1400 && $0.box.left > 700 }
        #expect(date.map(\.text) == ["1969-**-**"])
        #expect(date.allSatisfy { $0.accountsForItsGlyphs })
    }

    @Test("a line runs on across its hyphens: a wide monospaced '1990-**-**' is one line of eight glyph columns")
    func hyphensBridgeWideGaps() throws {
        let (image, _) = try Self.prepared("hyphens-in-wide-mono-date.png")
        let regions = TextRegionFinder.regions(in: image, excluding: [])
        // Liberation Mono 600 at 20 CSS px, 1.5 px letter spacing, 3.5 device pixels per CSS px: the gap from `0` to
        // the first `*` is 1.3 digit heights, more than a word gap, with a hyphen too flat to be a glyph in between.
        // The date's band is y 565–617 (x 116–572).
        let date = regions.filter { $0.box.top >= 555 && $0.box.bottom <= 625 }
        #expect(date.map(\.glyphs.count) == [8])
        #expect(date.first.map { $0.box.left <= 120 && $0.box.right >= 570 } == true)
    }

    @Test("a hyphen touching the digit before it adds no glyph: a bold serif '2004-06-03' counts eight glyphs")
    func hyphenTouchingADigitIsNoGlyph() throws {
        let (image, _) = try Self.prepared("hyphen-touching-bold-serif-date.png")
        let regions = TextRegionFinder.regions(in: image, excluding: [])
        // Noto Serif 600 at 13 CSS px, 2 device pixels per CSS px, on a noisy page (third draw 191): `04-` is one
        // blob, 2.6 digits wide, which the touching-glyph estimate rounded to three glyphs, so the confident reading
        // `2004-06-03` (eight glyphs) stood short of nine and was unsure. The date lies at x 319–449, y 23–42.
        let line = regions.filter { $0.box.top <= 30 && $0.box.bottom >= 36 }.flatMap(\.glyphs)
        let date = line.filter { $0.left >= 315 && $0.right <= 452 }
        #expect(TextRecognizer.glyphs(in: date, line: line) == 8)
    }

    @Test("a thin serif letter in pieces is one glyph column: 'nhân' is not counted as seven glyphs")
    func overlappingPiecesAreOneGlyph() throws {
        let (image, _) = try Self.prepared("thin-serif-tab-labels.png")
        let regions = TextRegionFinder.regions(in: image, excluding: [])
        // The tab bar's `Cá nhân` (Liberation Serif 300, grey on dark) at x 901–1003, y 1036–1058: the arches of `n`
        // and `h` meet their stems too faintly for the ink map, and overlap them by a pixel.
        let label = try #require(regions.first { $0.box.left >= 895 && $0.box.left <= 905 && $0.box.top > 1020 })
        #expect(label.glyphs.count <= 8)
        let words = try TextRecognizer().read(image, blanking: [], quietZones: []).words
        let nhan = try #require(words.first { $0.text == "nhân" })
        #expect(nhan.accountsForItsGlyphs)
    }

    @Test("the last digit of a mask's number is a glyph of its line, never an icon cleared before reading")
    func trailingDigitIsNoIcon() throws {
        let (image, _) = try Self.prepared("last-digit-after-small-stars.png")
        let layout = TextRegionFinder.find(in: image, excluding: [])
        // `******904` in DejaVu Sans 500 at 12 CSS px (x 777–893, y 577–596): the stars, two thirds of the digits'
        // height, chained into a line of their own, `90` into another, and the `4` was left alone as an icon. The
        // stars now join the digits, and the `4` is measured against the `0` beside it, not the stars' height.
        let value = try #require(
            layout.regions.first { $0.box.left <= 852 && $0.box.right >= 890 && $0.box.top > 570 })
        #expect(value.glyphs.count == 9)
        #expect(!layout.pictograms.contains { $0.left > 870 && $0.right < 900 && $0.top > 570 && $0.bottom < 600 })
    }

    @Test("asterisks spaced wider than their own height join the digits after them: no star is cleared as an icon")
    func spacedStarsJoinTheirDigits() throws {
        let (image, _) = try Self.prepared("spaced-small-stars-before-digits.png")
        let layout = TextRegionFinder.find(in: image, excluding: [])
        // `******004512` in Liberation Mono at 12 CSS px, 1.5 px letter spacing, 2 device pixels per CSS px
        // (x 1216–1418, y 381–400): each star is 9 px high with 11 px between them, so chaining left to right split the stars into
        // three lines and pictograms, and the reading lost three stars (`** *004512`, a confident wrong mask).
        let value = try #require(
            layout.regions.first { $0.box.top > 370 && $0.box.bottom < 410 && $0.box.right > 1400 })
        #expect(value.glyphs.count == 12)
        #expect(value.box.left <= 1216)
        #expect(!layout.pictograms.contains { $0.top > 370 && $0.bottom < 410 && $0.left > 1200 })
        let words = try TextRecognizer().read(image, blanking: [], quietZones: []).words
        #expect(words.contains { $0.text == "******004512" })
    }

    @Test("glyphs near a striped page stay glyphs: a union of stripes past glyph size swallows nothing")
    func stripesDoNotSwallowGlyphs() throws {
        let (image, _) = try Self.prepared("dotted-zeros-on-stripes.png")
        let regions = TextRegionFinder.regions(in: image, excluding: [])
        // `048095113806` in DejaVu Sans Mono 500 at 19 CSS px (x 384–654, y 312–342) on a card over a striped page:
        // the stripes stacked into one blob as tall as the page, whose gap allowance (a quarter of its height) then
        // took in the rings of the dotted zeros above it (nine glyph columns of twelve on the screenshot).
        let value = try #require(regions.first { $0.box.top > 300 && $0.box.bottom < 350 && $0.box.right > 600 })
        #expect(value.glyphs.count == 12)
        #expect(value.box.left <= 384)
    }

    @Test("text laid straight on a page of diagonal stripes is found: the pattern is cleared, not the glyphs")
    func textOnStripesIsFound() throws {
        let (image, _) = try Self.prepared("text-on-diagonal-stripes.png")
        let regions = TextRegionFinder.regions(in: image, excluding: [])
        // `079201004512` and `2001-11-05` in Roboto Condensed 700 at 18 CSS px, white on a dark page whose stripes
        // stand out by 28 grey levels, just the ink threshold: the stripes joined the glyphs into shapes as tall as
        // the page, and no line on the page was found (the page pass then read `0792010 512`, outside every line).
        let number = try #require(regions.first { $0.box.top >= 470 && $0.box.bottom <= 515 && $0.box.right > 1000 })
        #expect(number.glyphs.count == 12)
        #expect(number.box.left <= 760)
        let date = try #require(regions.first { $0.box.top >= 560 && $0.box.bottom <= 610 && $0.box.right > 1000 })
        #expect(date.glyphs.count >= 8)
        #expect(date.box.left <= 821)
    }

    @Test(
        "text fainter than the pattern's cut, or barely above it, keeps the pattern: no line vouches for the page",
        arguments: [UInt8(76), 95])
    func faintTextKeepsThePattern(grey: UInt8) throws {
        let (image, _) = try Self.prepared("text-on-diagonal-stripes.png")
        // Six faint `0`s (3 px strokes) drawn on the bare stripes between the number and the date. Grey 76 stands 48
        // levels over the dark stripes, below the cut (the stripes' contrast, 28, plus the ink threshold): clearing
        // the stripes would hide them from every line. Grey 95 (67 levels) passes the cut but not by the threshold
        // again: glyphs drawn a little fainter would be lost. Either way the number's line would vouch for a screen
        // it did not see whole.
        var pixels = image.pixels
        for glyph in 0..<6 {
            let left = 300 + glyph * 24
            for y in 525..<555 {
                for x in left..<(left + 18) where y < 528 || y >= 552 || x < left + 3 || x >= left + 15 {
                    pixels[y * image.width + x] = grey
                }
            }
        }
        let faint = try #require(GrayImage(width: image.width, height: image.height, pixels: pixels))
        let regions = TextRegionFinder.regions(in: faint, excluding: [])
        #expect(!regions.contains { $0.box.top >= 470 && $0.box.bottom <= 515 && $0.glyphs.count == 12 })
    }

    @Test("dimmed text cut by a dialog's edge is dark text: the white dialog under it does not turn its polarity")
    func dimmedTextCutByADialogIsRead() throws {
        let (image, _) = try Self.prepared("dimmed-text-cut-by-dialog.png")
        let regions = TextRegionFinder.regions(in: image, excluding: [])
        // `Dịch vụ công` in Liberation Sans at 17 CSS px, dark grey on a page dimmed to grey (x 102–418, y 392–433),
        // cut at its baseline by a white dialog: with the dialog in the rows round it, the line looked like light
        // text, the gaps between its letters were taken for the glyphs, and it was read again inverted (`===]`).
        let line = try #require(regions.first { $0.box.top >= 385 && $0.box.bottom <= 440 && $0.box.left < 150 })
        #expect(line.polarity == .dark)
        #expect(line.glyphs.count >= 9)
        let words = try TextRecognizer().readRegion(line, in: image)
        #expect(words.map(\.text).joined(separator: " ").hasSuffix("công"), "\(words.map(\.text))")
        #expect(words.allSatisfy { $0.confidence >= 90 }, "\(words)")
    }

    @Test("a thin asterisk whose arms and stem break into pieces a few pixels apart is one glyph of its mask")
    func thinStarsInPiecesStayGlyphs() throws {
        let (image, _) = try Self.prepared("thin-stars-in-pieces.png")
        let regions = TextRegionFinder.regions(in: image, excluding: [])
        // `******904` in a light DejaVu Sans, letter spacing 2 px, grey on a dark tile (x 75–331, y 375–409): the
        // stem of the second star broke into three pieces 3 px apart, never joined, and the first star, left alone,
        // was cleared as an icon; the page pass then read `****904` with confidence, a DSP-002 false fail.
        // The line now starts at the first star. Two stars still show two columns each (an arm beside the stem), so
        // a reading of nine signs is unsure there rather than wrong.
        let value = try #require(regions.first { $0.box.top > 360 && $0.box.bottom < 420 && $0.box.right < 500 })
        #expect(value.box.left <= 80)
        #expect(value.box.right >= 331)
        #expect(value.glyphs.filter { $0.right <= 232 }.count >= 6)
    }

    @Test("a background stripe's piece beside a number is no glyph of its line: no character is twice its height")
    func stripePieceIsNoGlyph() throws {
        let (image, _) = try Self.prepared("stripe-piece-beside-number.png")
        let layout = TextRegionFinder.find(in: image, excluding: [])
        // `031556782` in DejaVu Serif 500 at 19 CSS px (x 581–899, y 455–499) on a ticket over a striped page: a
        // stripe cut by the ticket's edge (x 952–1000, y 456–573, 117 px high) chained onto the number as a tenth
        // glyph no reading accounts for, so no rule could rest on the line.
        let number = try #require(layout.regions.first { $0.box.left == 581 && $0.box.top < 470 })
        #expect(number.glyphs.count == 9)
        #expect(number.box.right < 950)
        #expect(layout.lineEndIcons.contains { $0.left >= 950 && $0.bottom > 560 })
    }

    @Test("a masked date taller than the label beside it is read whole: its digits are not cut at the label's baseline")
    func maskedDateTallerThanItsLabel() throws {
        let (image, pixels) = try Self.prepared("masked-date-taller-than-label.png")
        // A table row: `SINH NGÀY` in a 14 CSS px label (x 100–354, baseline y 71) and `**/**/1978` in an 18 CSS px
        // bold Noto Serif value (x 918–1187, y 41–85). The band was cut under the label's baseline, through the year,
        // whose top halves then read `4107` with the star token's confidence.
        let tokens = MaskRunDetector.starTokens(in: pixels, width: image.width, height: image.height)
        let date = try #require(tokens.first { $0.box.left >= 900 })
        #expect(date.box.bottom >= 84)
        let words = try TextRecognizer().read(image, blanking: [], quietZones: []).words
        #expect(words.contains { $0.text == "**/**/1978" })
    }

    @Test("text beside a code is read whole: the page pass blanks the code and its quiet zone, no more")
    func textBesideTheCodeIsNotCut() throws {
        let (_, image) = try ImageFile.load(path: Self.directory.appendingPathComponent("date-beside-code.png").path)
        // A version 7 code (45 modules) with `2001-11-05` in bold Liberation Sans right below its box's corner.
        let scanner = try #require(QRScanner())
        let corners = try #require(scanner.scan(image).first?.corners)
        let quietZone = OCRImagePreparation.scaled(corners, by: 1 + 2 * 4.0 / 45)
        let recognizer = try TextRecognizer()
        let exact = recognizer.recognize(image, blanking: [quietZone], margin: 0).map(\.text)
        #expect(exact.contains("2001-11-05"))
        // A fifth of the code's size all round cut the tops off the date's first digits (`ZUU1-11-05`).
        let wide = recognizer.recognize(image, blanking: [corners]).map(\.text)
        #expect(!wide.contains("2001-11-05"))
    }

    @Test("a dotted leader between a label and its value is no text line; the label and the value are")
    func dottedLeaderIsNoText() throws {
        let (image, _) = try Self.prepared("dotted-leader.png")
        let regions = TextRegionFinder.regions(in: image, excluding: [])
        // "Chủ tài khoản" (11 glyph columns) and "Lý Hữu Phước" (10), nothing between them.
        #expect(regions.map(\.glyphs.count).sorted() == [10, 11])
        #expect(regions.allSatisfy { $0.glyphHeight >= 20 })
    }

    @Test("a dotted leader is reported as a decoration and cleared before the page pass, which then reads no dots")
    func dottedLeaderIsCleared() throws {
        let (image, _) = try Self.prepared("dotted-leader.png")
        let layout = TextRegionFinder.find(in: image, excluding: [])
        let leader = try #require(layout.decorations.first)
        #expect(layout.decorations.count == 1)
        // Between "Chủ tài khoản" (ends near x 430) and "Lý Hữu Phước" (starts near x 770).
        #expect(leader.left > 420 && leader.right < 770)
        let recognizer = try TextRecognizer()
        let cleared = recognizer.recognize(image, blanking: [], clearing: layout.decorations)
        #expect(!cleared.contains { $0.text.contains("..") || $0.box.overlapArea(leader) > 0 })
    }

    @Test("digits after a run of smaller asterisks stay in their line: its height is the digits', not the median")
    func digitsAfterStarsStay() throws {
        let (image, _) = try Self.prepared("small-stars-before-digits.png")
        let layout = TextRegionFinder.find(in: image, excluding: [])
        // `******358` (x 57–197, y 85–115) and `**/**/1958`: every glyph in a line, none taken for an icon.
        let value = try #require(layout.regions.first { $0.box.left < 70 && $0.box.top > 80 && $0.box.top < 120 })
        #expect(value.glyphs.count == 9)
        #expect(value.box.right >= 190)
        #expect(!layout.pictograms.contains { $0.top > 80 && $0.bottom < 125 })
    }

    @Test("a number drawn so tight its glyphs touch (one blob eight heights wide) is never taken for an icon")
    func touchingRunIsNoIcon() throws {
        // A comb: thirty 3-px strokes joined by a 3-px bar, 240 × 30 px, alone on a white 600 × 300 screen.
        var pixels = [UInt8](repeating: 255, count: 600 * 300)
        for y in 135..<165 {
            for x in 180..<420 where y < 138 || (x - 180) % 8 < 3 { pixels[y * 600 + x] = 20 }
        }
        let image = try #require(GrayImage(width: 600, height: 300, pixels: pixels))
        let layout = TextRegionFinder.find(in: image, excluding: [])
        #expect(layout.pictograms.isEmpty && layout.lineEndIcons.isEmpty)
    }

    @Test("text in a table's cells is found though the row's outline round it touches its glyphs")
    func textInsideCellOutlines() throws {
        let (image, _) = try Self.prepared("value-in-table-cell.png")
        let regions = TextRegionFinder.regions(in: image, excluding: [])
        // `xx/xx/1978` (x 972–1190, y 676–709) in its row's outline: ten glyph columns.
        let value = try #require(regions.first { $0.box.top > 660 && $0.box.bottom < 725 && $0.box.left > 900 })
        #expect(value.glyphs.count == 10)
    }

    @Test("an icon as tall as a label and its value beside them joins neither line")
    func iconBesideTwoLines() throws {
        let (image, _) = try Self.prepared("icon-beside-label-and-value.png")
        let regions = TextRegionFinder.regions(in: image, excluding: [])
        // Two rows of a list, each a label over its value with an icon at x 17–55 beside both: four lines, one above
        // the other, no icon in any.
        #expect(regions.count == 4)
        #expect(regions.allSatisfy { $0.box.left > 60 })
        for (upper, lower) in zip(regions, regions.dropFirst()) {
            #expect(upper.box.bottom <= lower.box.top)
        }
    }

    @Test("a page word on an icon beside the lines (a calendar read as `t7`) is no text; the values stay")
    func wordOnAnIconIsNoText() throws {
        let (image, _) = try Self.prepared("calendar-icon-before-date.png")
        let words = try TextRecognizer().read(image, blanking: [], quietZones: []).words
        // The ID card and calendar icons lie at x 78–145, y 170–475; tesseract reads them as `+17` and `t7`.
        let onIcons = words.filter { $0.box.left >= 60 && $0.box.right <= 170 && $0.box.top >= 150 }
        #expect(onIcons.isEmpty, "\(onIcons.map(\.text))")
        #expect(words.contains { $0.text == "1978-**-**" })
        #expect(words.contains { $0.text == "******782" })
    }

    @Test("a row's border read as `7` or `|` where no text line is found is dropped; the date beside it stays whole")
    func borderReadAsAGlyphIsNoText() throws {
        let (image, _) = try Self.prepared("row-border-beside-date.png")
        let reading = try TextRecognizer().read(image, blanking: [], quietZones: [])
        let stray = reading.words.filter { word in
            word.confidence < 80 && GlyphCount.of(word.text) <= 2
                && !reading.regions.contains { TextRecognizer.belongs(word.box, to: $0) }
        }
        #expect(stray.isEmpty, "\(stray.map(\.text))")
        #expect(reading.words.contains { $0.text == "1995-**-**" })
    }

    @Test("a number read in digits only is read again at three heights, and most readings outvote the page's")
    func numberReadAgain() throws {
        let (image, pixels) = try Self.prepared("bold-digits-misread.png")
        let recognizer = try TextRecognizer()
        let page = recognizer.recognize(image, blanking: [])
        let read = try #require(page.first { $0.text == "031556782" })
        // The page pass of the whole screen read this bold `1` as `4` with confidence 84.
        var misread = read
        misread.text = "034556782"
        #expect(recognizer.rereadNumber(misread, pixels: pixels, imageWidth: image.width)?.text == "031556782")
        #expect(recognizer.rereadNumber(read, pixels: pixels, imageWidth: image.width) == nil)
    }
}

/// Words that repeat part of a longer reading of the same pixels are dropped; a conflicting reading is kept.
@Suite("overlapping readings")
struct OverlappingReadingTests {
    static func word(_ text: String, _ left: Int, _ right: Int, glyphs: Int? = nil) -> RecognizedWord {
        RecognizedWord(
            text: text, box: .init(left: left, top: 100, right: right, bottom: 130), confidence: 90,
            glyphs: glyphs ?? GlyphCount.of(text))
    }

    @Test(
        "a part of a longer reading goes, other digits stay",
        arguments: [
            (word("1958-", 338, 494), false), (word("_**", 586, 671), false), (word("1957-", 338, 494), true),
            (word("Ngày", 100, 300), true),
        ])
    func partOfALongerReading(word: RecognizedWord, kept: Bool) {
        let token = Self.word("1958-**-**", 338, 671)
        let result = TextRecognizer.withoutCovered([token, word])
        #expect(result.contains(token))
        #expect(result.contains(word) == kept)
    }

    @Test(
        "a page word reading more characters than its line has glyphs, past the line's end, read what the line lost",
        arguments: [
            ("215384904", 67, 230, false), ("215384904", 60, 245, false), ("215384904", 67, 315, true),
            ("215384904", 40, 230, true), ("215384", 67, 315, false), ("Số CCCD", 67, 315, false),
        ])
    func pageWordPastItsLine(text: String, left: Int, right: Int, apart: Bool) {
        // The line found from the pixels: six glyph columns at x 67–230, 31 px high (`215384` of `215384904`, its last
        // three digits cleared as a striped page's pattern). A word that reaches past it but reads no more characters
        // than it has glyphs (a label read loosely, `Số CCCD`) is its reading, however wide its box.
        let columns = (0..<6).map {
            RecognizedWord.Box(left: 67 + $0 * 27, top: 491, right: 67 + $0 * 27 + 25, bottom: 522)
        }
        let region = TextRegion(
            box: RecognizedWord.Box(left: 67, top: 491, right: 230, bottom: 522), glyphs: columns, polarity: .dark)
        let word = RecognizedWord(
            text: text, box: RecognizedWord.Box(left: left, top: 491, right: right, bottom: 522), confidence: 90)
        #expect(TextRecognizer.readsPast(word, region) == apart)
    }

    @Test(
        "a page word in no line, read without confidence, is text unless it lies on an icon, is too short or too low",
        arguments: [
            ("eeeearee", 0.0, 20, false, true), ("eeeearee", 0, 4, false, false), ("eeeearee", 0, 6, false, true),
            ("12345678", 95, 4, false, true), ("7", 0, 20, false, false), ("t7a", 0, 20, false, true),
            ("t7a", 0, 20, true, false),
        ])
    func pageWordOutsideLines(text: String, confidence: Double, height: Int, onIcon: Bool, isText: Bool) {
        // A dotted leader's dots read `eeeearee` in a box 4 px high (third draw 026) made an 80-character stretch of
        // unread text that kept DSP-001 and DSP-003 inconclusive; a line is at least 6 px high.
        let word = RecognizedWord(
            text: text, box: .init(left: 100, top: 200, right: 250, bottom: 200 + height), confidence: confidence)
        let icon = RecognizedWord.Box(left: 95, top: 195, right: 255, bottom: 230)
        #expect(TextRecognizer.mayBeText(word, icons: onIcon ? [icon] : []) == isText)
    }

    @Test("a star token's box spans its band: taller than the page's box round the same glyphs, it is still inside it")
    func tallerTokenInsideAPageReading() {
        // A table row (third draw 471): the page read `1987-**-**` in a box 22 px high, the star token `**-**` over the
        // same stars in its band's box, 29 px high; by area only 76 % of the token lay inside, so both stayed and the
        // line read `1987-**-****`.
        let page = RecognizedWord(
            text: "1987-**-**", box: .init(left: 837, top: 587, right: 998, bottom: 609), confidence: 89, glyphs: 8)
        let token = RecognizedWord(
            text: "**-**", box: .init(left: 929, top: 586, right: 998, bottom: 615), confidence: 90, glyphs: 4)
        #expect(TextRecognizer.withoutCovered([page, token]) == [page])
        // On the next row, under it: both stay.
        var below = token
        below.box.top += 24
        below.box.bottom += 24
        #expect(TextRecognizer.withoutCovered([page, below]) == [page, below])
    }

    @Test("the same text read twice over the same pixels is one word: two would join into one longer number")
    func sameReadingTwiceIsOneWord() {
        let first = Self.word("******113806", 53, 376)
        var second = first
        second.box.bottom += 1
        #expect(TextRecognizer.withoutCovered([first, second]) == [first])
        // Beside it, not over it: both stay (two tiles showing the same value).
        let apart = Self.word("******113806", 420, 743)
        #expect(TextRecognizer.withoutCovered([first, apart]) == [first, apart])
    }

    @Test(
        "a reading joined over words also read apart goes unless it accounts for its glyphs; another text stays",
        arguments: [
            ("THÁNG,NĂM**/**/1995", nil, false), ("THÁNG, NĂM **/**/1995", nil, false),
            ("THÁNG,NĂM**/**/1996", nil, true), ("THÁNG,NĂM**/**/1995", 16, true),
        ] as [(String, Int?, Bool)])
    func joinedReadingOfWordsReadApart(text: String, glyphs: Int?, kept: Bool) {
        // Fourth draw 357 (ticket-mono): one reading at confidence 49 across a label and its value, in no line, made a
        // stretch of 18 unread characters over words each read with confidence.
        let parts = [Self.word("THÁNG,", 175, 301), Self.word("NĂM", 319, 391), Self.word("**/**/1995", 451, 651)]
        let joined = RecognizedWord(
            text: text, box: .init(left: 175, top: 100, right: 651, bottom: 130), confidence: 49, glyphs: glyphs)
        let result = TextRecognizer.withoutCovered(parts + [joined])
        #expect(result.contains(joined) == kept)
        #expect(parts.allSatisfy(result.contains) || glyphs != nil)
    }
}

/// Glyphs counted from a word's columns: touching glyphs make one wide column.
@Suite("glyphs in a word's columns")
struct WordGlyphCountTests {
    static func columns(_ widths: [Int], from start: Int = 0, height: Int = 20) -> [RecognizedWord.Box] {
        var left = start
        return widths.map { width in
            defer { left += width + 2 }
            return RecognizedWord.Box(left: left, top: 0, right: left + width, bottom: height)
        }
    }

    @Test(
        "a value in taller glyphs than its line's label is measured at its own height; never smaller",
        arguments: [
            ([33, 40, 30, 38, 40, 30, 31, 35, 36, 37], 55, 10),  // fourth draw 498: a bold date after a 33 px label
            ([26, 13, 14, 13, 12], 20, 6),  // the same height: `04` touching still counts two
            ([26, 13, 14, 13, 12], 12, 6),  // shorter than the label: the label's width stays the measure
        ])
    func tallerValueThanItsLabel(widths: [Int], height: Int, glyphs: Int) {
        let word = Self.columns(widths, height: height)
        // `Ngày, tháng, năm sinh:`: about twice as many columns as the value.
        let widths = [22, 19, 17, 22, 19, 18, 19, 22, 19]
        let label = Self.columns(widths + widths, from: (word.last?.right ?? 0) + 20, height: 33)
        #expect(TextRecognizer.glyphs(in: word, line: label + word) == glyphs)
    }

    @Test("a word of letters counts its columns; one with digits or mask signs counts touching glyphs")
    func lettersCountTheirColumns() {
        // Fourth draw 540: `Minh` in a light serif, grey on dark: `M` in two pieces, one 18 px wide beside 4-7 px
        // strokes, counted three glyphs, so the word showed nine for four letters and vouched for nothing.
        let columns = Self.columns([18, 7, 5, 4, 6, 5, 7])
        let region = TextRegion(
            box: RecognizedWord.Box(left: 0, top: 0, right: columns.last?.right ?? 0, bottom: 20), glyphs: columns,
            polarity: .dark)
        let box = region.box
        let name = TextRecognizer.counted(RecognizedWord(text: "Minh", box: box, confidence: 96), in: region)
        #expect(name.glyphs == 7)
        #expect(name.accountsForItsGlyphs)
        let number = TextRecognizer.counted(RecognizedWord(text: "1234567", box: box, confidence: 96), in: region)
        #expect(number.glyphs == 9)
    }

    @Test(
        "a column about twice the median width holds two glyphs; narrower ones and short words count one each",
        arguments: [
            ([30, 13, 14, 13, 12, 12, 12, 13, 13, 14, 13], 12),  // `04` in Lato touch: 048095113806
            ([13, 14, 13, 12, 12, 11, 11, 12, 13, 14, 13], 11),
            ([13, 20, 13, 12], 4),  // a wide `M` or `%` is one glyph
            ([13, 40, 13, 12], 6),  // three touching
            ([30, 13], 2),  // too few columns to know the median
        ])
    func touchingGlyphs(widths: [Int], glyphs: Int) {
        let word = Self.columns(widths)
        #expect(TextRecognizer.glyphs(in: word, line: word) == glyphs)
    }

    @Test(
        "stems are no glyph's width where the line shows glyphs: `lái` counts three, touching digits still two",
        arguments: [
            ([4, 15, 4], [15, 14, 15, 13], 3),  // `lái` in `Giấy phép lái xe`
            ([4, 15, 4], [], 6),  // no line to measure a glyph by: the stems set it, counting more
            ([4, 4, 4, 26], [13, 12, 13, 14, 12], 5),  // `11104` in an ID number, `04` touching
            ([13, 26, 4, 13], [30, 31, 29], 5),  // a line of wider glyphs does not widen the word's own
        ])
    func stemsAreNoGlyphWidth(widths: [Int], others: [Int], glyphs: Int) {
        let word = Self.columns(widths)
        let line = word + Self.columns(others, from: (word.last?.right ?? 0) + 20)
        #expect(TextRecognizer.glyphs(in: word, line: line) == glyphs)
    }
}

/// Whether a reading accounts for the glyph columns the pixels show in its box.
@Suite("a reading against its glyph columns")
struct GlyphAgreementTests {
    @Test(
        "digits and masks exactly, save a leaning slash or a colon's small dots without a column; never fewer characters",
        arguments: [
            ("1987-01-18", 8, true), ("1987-01-18", 9, false), ("1987-01-18", 7, false),
            ("07:30", 5, true), ("07:30", 4, true), ("07:30", 3, false), ("07:30", 6, false), ("0730", 3, false),
            ("xx/xx/1978", 10, true), ("xx/xx/1978", 9, true), ("xx/xx/1978", 8, true), ("xx/xx/1978", 7, false),
            ("xx/xx/1978", 11, false), ("******029317", 11, false), ("******029317", 13, false),
            ("Nguyễn", 5, true), ("Nguyễn", 9, false),
        ])
    func agreement(text: String, glyphs: Int, agrees: Bool) {
        #expect(GlyphCount.agrees(text, glyphs: glyphs) == agrees)
    }

    @Test(
        "a confident word of three letters or more may show up to two columns a letter; masks and digits never",
        arguments: [
            ("KHOẢN", 9, 96.0, true), ("KHOẢN", 11, 96.0, false), ("KHOẢN", 9, 85.0, false), ("Kxx", 6, 96.0, false),
            ("nhân", 7, 96.0, true), ("Mã", 5, 96.0, false), ("1987", 6, 96.0, false), ("ab*c", 7, 96.0, false),
        ])
    func fragmentedLetters(text: String, glyphs: Int, confidence: Double, accounts: Bool) {
        let word = RecognizedWord(
            text: text, box: .init(left: 0, top: 0, right: 100, bottom: 20), confidence: confidence, glyphs: glyphs)
        #expect(word.accountsForItsGlyphs == accounts)
    }
}

/// A number read partly as letters counts against the reading that holds it, so the line is read again.
@Suite("numbers misread as look-alike letters")
struct DigitLookAlikeTests {
    @Test(
        "letters count only in a word of six or more that is half digits and otherwise look-alikes and date signs",
        arguments: [
            ("ZUU1-11-05", 3), ("2001-11-05", 0), ("2OO1-11-O5", 3), ("269217", 0), ("HS4010120878821", 0),
            ("NGÀY,", 0), ("Sol1", 0), ("lOl0l0", 0), ("UU1U93UZ93I7", 6),
        ])
    func misreadLetters(text: String, letters: Int) {
        #expect(DigitLookAlike.misreadLetters(in: text) == letters)
    }

    @Test("a reading with letters in a number scores worse than one in digits, whatever their confidence")
    func misreadNumberScoresWorse() {
        let box = RecognizedWord.Box(left: 0, top: 0, right: 380, bottom: 44)
        let glyphs = (0..<8).map { RecognizedWord.Box(left: $0 * 47, top: 0, right: $0 * 47 + 40, bottom: 44) }
        let region = TextRegion(box: box, glyphs: glyphs, polarity: .dark)
        let misread = RecognizedWord(text: "ZUU1-11-05", box: box, confidence: 96, glyphs: 8)
        let digits = RecognizedWord(text: "2001-11-05", box: box, confidence: 81, glyphs: 8)
        #expect(TextRecognizer.score([digits], region: region) < TextRecognizer.score([misread], region: region))
    }
}

@Suite("choosing between two readings of a line")
struct ReadingScoreTests {
    /// Third draw 568: a light serif `Hiện đầy đủ` on a dark button, seven glyph columns (`Hi` and `ện` touch). The
    /// page pass read `an day oi` (confidence 32–50) and the line read again `Hiện đầy đủ` (95–96).
    static let region = TextRegion(
        box: .init(left: 546, top: 1686, right: 823, bottom: 1735),
        glyphs: [547, 600, 672, 700, 725, 769, 797].map { .init(left: $0, top: 1686, right: $0 + 24, bottom: 1735) },
        polarity: .dark)

    struct Reading: Sendable {
        let text: String
        let glyphs: Int
        let confidence: Double
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let first: [Reading]
        let second: [Reading]
        let firstWins: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "a confident serif reading with touching letters beats a doubtful one matching the columns",
            first: [Reading(text: "Hiện", glyphs: 2, confidence: 95), Reading(text: "đủ", glyphs: 2, confidence: 96)],
            second: [Reading(text: "an", glyphs: 2, confidence: 40), Reading(text: "oi", glyphs: 2, confidence: 32)],
            firstWins: true),
        Case(
            name: "of two readings within the tolerance the more confident wins",
            first: [Reading(text: "Hiện", glyphs: 2, confidence: 95)],
            second: [Reading(text: "Hien", glyphs: 2, confidence: 60)], firstWins: true),
        Case(
            name: "a number must match its columns exactly, however confident",
            first: [Reading(text: "198704", glyphs: 5, confidence: 95)],
            second: [Reading(text: "19874", glyphs: 5, confidence: 40)], firstWins: false),
    ]

    static func words(_ readings: [Reading]) -> [RecognizedWord] {
        readings.map { reading in
            RecognizedWord(
                text: reading.text, box: .init(left: 546, top: 1686, right: 823, bottom: 1735),
                confidence: reading.confidence, glyphs: reading.glyphs)
        }
    }

    @Test("a reading that accounts for its columns as the glyph count allows wins by confidence", arguments: cases)
    func readingScore(_ test: Case) {
        let first = TextRecognizer.score(Self.words(test.first), region: Self.region)
        let second = TextRecognizer.score(Self.words(test.second), region: Self.region)
        #expect((first < second) == test.firstWins)
    }

    @Test("a letter word within the tolerance orders as matching its columns but still counts as a miss for re-reading")
    func toleranceOnlyOrders() {
        let score = TextRecognizer.score(
            Self.words([Reading(text: "Hiện", glyphs: 2, confidence: 95)]), region: Self.region)
        #expect(score.misses == Self.region.glyphs.count - 2)
        #expect(score.exactMisses == score.misses + 2)
    }
}
