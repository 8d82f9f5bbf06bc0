import Foundation
import QRConformance
import QRSymbol
import QRText
import Testing

/// The DSP rules on hand-made screen text: exact outcomes and messages, OCR tolerance, skips.
@Suite struct DisplayRuleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let mode: DisplayMode?
        let lines: [String]
        let rule: String
        let outcome: RuleOutcome
        let message: String
        var confidence = 95.0
        /// Text lines found on the screen that no word was read on, each with its glyph count.
        var unreadLines: [Int] = []
        /// Glyph counts the pixels show for some words, where they differ from the characters read.
        var glyphs: [String: Int] = [:]
        /// Words read below the minimum confidence.
        var weak: Set<String> = []

        var testDescription: String { name }
    }

    /// The screen as the reader would give it: the words, each line a text region found from the pixels with one
    /// glyph column per counted character (or as `glyphs` says), and lines of `unreadLines` glyphs nothing was read on.
    static func reading(
        _ lines: [String], confidence: Double, unreadLines: [Int] = [], glyphs: [String: Int] = [:]
    ) -> ScreenReading {
        var words = Self.words(lines, confidence: confidence)
        var regions: [TextRegion] = []
        for row in lines.indices {
            let top = 500 + row * 40
            var columns: [RecognizedWord.Box] = []
            for index in words.indices where words[index].box.top == top {
                let count = glyphs[words[index].text] ?? GlyphCount.of(words[index].text)
                words[index].glyphs = count
                let step = max(1, words[index].box.width / max(1, count))
                for column in 0..<count {
                    let left = words[index].box.left + column * step
                    columns.append(.init(left: left, top: top + 4, right: left + step - 2, bottom: top + 26))
                }
            }
            guard let first = columns.first else { continue }
            regions.append(
                TextRegion(box: columns.dropFirst().reduce(first) { $0.union($1) }, glyphs: columns, polarity: .dark))
        }
        for (index, count) in unreadLines.enumerated() {
            let top = 1200 + index * 40
            let columns = (0..<count).map {
                RecognizedWord.Box(left: 60 + $0 * 16, top: top, right: 74 + $0 * 16, bottom: top + 22)
            }
            guard let first = columns.first else { continue }
            regions.append(
                TextRegion(box: columns.dropFirst().reduce(first) { $0.union($1) }, glyphs: columns, polarity: .dark))
        }
        return ScreenReading(words: words, regions: regions)
    }

    /// One word per space-separated piece, each line 40 px below the last.
    static func words(_ lines: [String], confidence: Double) -> [RecognizedWord] {
        var words: [RecognizedWord] = []
        for (row, line) in lines.enumerated() {
            var left = 60
            for piece in line.split(separator: " ") {
                let width = piece.count * 16
                words.append(
                    RecognizedWord(
                        text: String(piece),
                        box: .init(left: left, top: 500 + row * 40, right: left + width, bottom: 528 + row * 40),
                        confidence: confidence))
                left += width + 12
            }
        }
        return words
    }

    static let cases: [Case] = [
        Case(
            name: "masked ID exact", mode: .default, lines: ["CCCD: ******029317"], rule: "DSP-002", outcome: .pass,
            message: "passed: Masked ID number shown as ****** then the rest in default mode"),
        Case(
            name: "a sign after the masked ID (a row's border read as '-') is no part of it", mode: .default,
            lines: ["CCCD: ******029317 -"], rule: "DSP-002", outcome: .pass,
            message: "passed: Masked ID number shown as ****** then the rest in default mode"),
        Case(
            name: "masked ID with spaces and O", mode: .default, lines: ["CCCD: ****** O29 317"], rule: "DSP-002",
            outcome: .pass, message: "passed: Masked ID number shown as ****** then the rest in default mode"),
        Case(
            name: "five asterisks", mode: .default, lines: ["CCCD: *****3029317"], rule: "DSP-002", outcome: .fail,
            message: "the masked ID number reads '*****#029317' (# = a digit hidden in this report): 5 mask characters "
                + "instead of 6; 1 more digits shown; the guidance masks the first 6 characters with '*': '******029317'"
        ),
        Case(
            name: "x mask", mode: .default, lines: ["CCCD: xxxxxx029317"], rule: "DSP-002", outcome: .fail,
            message: "the masked ID number reads 'xxxxxx029317': 'x' instead of '*'; the guidance masks the first 6 "
                + "characters with '*': '******029317'"),
        Case(
            name: "an x mask read partly in capitals is one sign", mode: .default, lines: ["CCCD: xxxXXX029317"],
            rule: "DSP-002", outcome: .fail,
            message:
                "the masked ID number reads 'xxxXXX029317': 'X', 'x' instead of '*'; the guidance masks the first 6 "
                + "characters with '*': '******029317'"),
        Case(
            name: "a mask read as a mix of letters, signs and digits is no wrong mask", mode: .default,
            lines: ["CCCD: k*x%*3*029317"], rule: "DSP-002", outcome: .inconclusive,
            message: "the screen text reads 'k*x%*#*029317', but not with confidence (its mask is read as a mix of "
                + "different signs, which OCR gives for glyphs it cannot make out)"),
        Case(
            name: "the full ID read with two digits lost is no proof of absence", mode: .default,
            lines: ["CCCD: ******029317", "Mã định danh: 0010930317"], rule: "DSP-001", outcome: .inconclusive,
            message: "the screen text shows the full ID number with a digit or two missing; OCR loses glyphs it cannot "
                + "separate from the background (a thin '0' on stripes), so it may be the full value"),
        Case(
            name: "the full birth date read with a digit lost is no proof of absence", mode: .default,
            lines: ["Ngày sinh: 1987-**-**", "Sinh ngày 18/1/1987"], rule: "DSP-003", outcome: .inconclusive,
            message:
                "the screen text shows the full birth date with a digit or two missing; OCR loses glyphs it cannot "
                + "separate from the background (a thin '0' on stripes), so it may be the full value"),
        Case(
            name: "another date is no birth date with a digit lost", mode: .default,
            lines: ["Ngày sinh: 1987-**-**", "Cập nhật: 18/1/2026"], rule: "DSP-003", outcome: .pass,
            message: "passed: Full birth date not shown in default mode"),
        Case(
            name: "a phone number is no ID number with digits lost", mode: .default,
            lines: ["CCCD: ******029317", "Tổng đài: 0368985064"], rule: "DSP-001", outcome: .pass,
            message: "passed: Full ID number not shown in default mode"),
        Case(
            name: "leak", mode: .default, lines: ["CCCD: 001 O93 029317"], rule: "DSP-001", outcome: .fail,
            message:
                "the full ID number is shown in default mode; show it as '******029317' until the user switches to full"
        ),
        Case(
            name: "no leak", mode: .default, lines: ["CCCD: ******029317"], rule: "DSP-001", outcome: .pass,
            message: "passed: Full ID number not shown in default mode"),
        Case(
            name: "no leak but low confidence", mode: .default, lines: ["CCCD: ******029317"], rule: "DSP-001",
            outcome: .inconclusive,
            message:
                "1 stretch of text long enough to show the ID number could not be read with confidence: text line 1 at x "
                + "60–342, y 504–526 (17 glyphs)", confidence: 30),
        Case(
            name: "an unread line long enough to show the ID", mode: .default, lines: ["CCCD: ******029317"],
            rule: "DSP-001", outcome: .inconclusive,
            message:
                "1 stretch of text long enough to show the ID number could not be read with confidence: text line 2 at x "
                + "60–250, y 1200–1222 (12 glyphs)", unreadLines: [12]),
        Case(
            name: "an unread line too short to show the ID", mode: .default, lines: ["CCCD: ******029317"],
            rule: "DSP-001", outcome: .pass, message: "passed: Full ID number not shown in default mode",
            unreadLines: [4]),
        Case(
            name: "an unread line long enough to show the date", mode: .default, lines: ["Ngày sinh: 1987-**-**"],
            rule: "DSP-003", outcome: .inconclusive,
            message:
                "1 stretch of text long enough to show the birth date could not be read with confidence: text line 2 at x "
                + "60–218, y 1200–1222 (10 glyphs)", unreadLines: [10]),
        Case(
            name: "a star lost by OCR is not a wrong mask", mode: .default, lines: ["CCCD: ****029317"],
            rule: "DSP-002", outcome: .inconclusive,
            message:
                "the screen text reads '****029317', but not with confidence (10 characters read over 12 glyph columns "
                + "in the pixels)", glyphs: ["****029317": 12]),
        Case(
            name: "a mask read without confidence says the confidence", mode: .default, lines: ["CCCD: ****029317"],
            rule: "DSP-002", outcome: .inconclusive,
            message:
                "the screen text reads '****029317', but not with confidence (OCR confidence 30, below 60)",
            confidence: 30),
        Case(
            name: "masked ID not found where a line was not read", mode: .default, lines: ["Họ và tên"],
            rule: "DSP-002", outcome: .inconclusive,
            message:
                "1 stretch of text long enough to show the ID number could not be read with confidence: text line 2 at x "
                + "60–250, y 1200–1222 (12 glyphs)", unreadLines: [12]),
        Case(
            name: "full ID not found on a screen read in full", mode: .full, lines: ["Họ và tên"], rule: "DSP-005",
            outcome: .inconclusive,
            message:
                "the full ID number was not found in the screen text, though every line that could show it was read (0 "
                + "lines); a presence rule fails only on a reading that contradicts it"),
        Case(
            name: "an unread word beside a date that is not the birth date", mode: .default,
            lines: ["Ngày sinh: 1987-**-**", "Cập nhật: 15/01/2026"], rule: "DSP-003", outcome: .pass,
            message: "passed: Full birth date not shown in default mode", weak: ["nhật:"]),
        Case(
            name: "an unread word beside a number that could be part of the birth date", mode: .default,
            lines: ["Ngày sinh: 1987-**-**", "Cập nhật: 18/01/19"], rule: "DSP-003", outcome: .inconclusive,
            message:
                "1 stretch of text long enough to show the birth date could not be read with confidence: text line 2 at x "
                + "120–338, y 544–566 (13 glyphs)", weak: ["nhật:"]),
        Case(
            name: "day masked only", mode: .default, lines: ["Ngày sinh: 1987-01-**"], rule: "DSP-004", outcome: .fail,
            message:
                "the masked birth date reads '1987-##-**' (# = a digit hidden in this report): the month is shown; "
                + "the guidance hides the day and month with '*': '1987-**-**'"),
        Case(
            name: "masked date in VN order", mode: .default, lines: ["Ngày sinh: **/**/1987"], rule: "DSP-004",
            outcome: .pass, message: "passed: Birth date shown as YYYY-**-** in default mode"),
        Case(
            name: "a number run into a masked date that no date can hold (a leader read '00020') leaves the date whole",
            mode: .default, lines: ["Ngày sinh: 00020 **/**/1987"], rule: "DSP-004", outcome: .pass,
            message: "passed: Birth date shown as YYYY-**-** in default mode"),
        Case(
            name: "an x mask read partly in capitals is a wrong mask", mode: .default,
            lines: ["Ngày sinh: 1987-xx-XX"], rule: "DSP-004", outcome: .fail,
            message: "the masked birth date reads '1987-xx-XX': 'X', 'x' instead of '*'; the guidance hides the "
                + "day and month with '*': '1987-**-**'"),
        Case(
            name: "full date leak in VN order", mode: .default, lines: ["Ngày sinh: 18/01/1987"], rule: "DSP-003",
            outcome: .fail,
            message:
                "the full birth date is shown in default mode; show it as '1987-**-**' until the user switches to full"),
        Case(
            name: "a monospaced face's slashed zero read as 'Ø' is a zero: the full date leaks", mode: .default,
            lines: ["Ngày sinh: 1987-Ø1-18"], rule: "DSP-003", outcome: .fail,
            message:
                "the full birth date is shown in default mode; show it as '1987-**-**' until the user switches to full"),
        Case(
            name: "a full date read with confidence is no unsure mask: the masked one is not found", mode: .default,
            lines: ["Ngày sinh: 18/01/1987"], rule: "DSP-004", outcome: .inconclusive,
            message:
                "the masked birth date ('1987-**-**') was not found in the screen text, though every line that could "
                + "show it was read (1 line); a presence rule fails only on a reading that contradicts it; the full "
                + "date is shown (DSP-003 fails on it)"),
        Case(
            name: "full date leak read without its hyphens", mode: .default, lines: ["Ngày sinh 1987 01 18"],
            rule: "DSP-003", outcome: .fail,
            message:
                "the full birth date is shown in default mode; show it as '1987-**-**' until the user switches to full"),
        Case(
            name: "full date leak read with one hyphen lost", mode: .default, lines: ["Ngày sinh 1987 01-18"],
            rule: "DSP-003", outcome: .fail,
            message:
                "the full birth date is shown in default mode; show it as '1987-**-**' until the user switches to full"),
        Case(
            name: "full date read without its hyphens, day first, in full mode", mode: .full,
            lines: ["Ngày sinh 18 01 1987"], rule: "DSP-006", outcome: .pass,
            message: "passed: Full birth date shown in full mode"),
        Case(
            name: "full date leak with a dash after the year", mode: .default,
            lines: ["Ngày sinh 18/01/1987 - Cập nhật: 25/02/2026"], rule: "DSP-003", outcome: .fail,
            message:
                "the full birth date is shown in default mode; show it as '1987-**-**' until the user switches to full"),
        Case(
            name: "a full date leak a word space before another date is still a leak", mode: .default,
            lines: ["Ngày sinh 18/01/1987 24/05/2026 Cập nhật"], rule: "DSP-003", outcome: .fail,
            message:
                "the full birth date is shown in default mode; show it as '1987-**-**' until the user switches to full"),
        Case(
            name: "a label's closing sign is no part of the masked ID after it", mode: .default,
            lines: ["Số giấy tờ. ******029317"], rule: "DSP-002", outcome: .pass,
            message: "passed: Masked ID number shown as ****** then the rest in default mode"),
        Case(
            name: "a date one digit from the birth date is no proof of absence", mode: .default,
            lines: ["Ngày sinh: 18/01/1937"], rule: "DSP-003", outcome: .inconclusive,
            message:
                "the screen text shows the full birth date with one digit different; OCR confuses look-alike digits (3 "
                + "and 8, 1 and 7), so it may be the full value"),
        Case(
            name: "a date read with letters for look-alike digits is no proof of absence", mode: .default,
            lines: ["NGÀY SINH l9B7-0l-l8"], rule: "DSP-003", outcome: .inconclusive,
            message:
                "the screen text shows the full birth date with letters for some digits; OCR reads digits as look-alike "
                + "letters ('U' for '0', 'Z' for '2'), so it may be the full value"),
        Case(
            name: "an ID number read with letters for look-alike digits is no proof of absence", mode: .default,
            lines: ["CCCD: UU1U93UZ93I7"], rule: "DSP-001", outcome: .inconclusive,
            message:
                "the screen text shows the full ID number with letters for some digits; OCR reads digits as look-alike "
                + "letters ('U' for '0', 'Z' for '2'), so it may be the full value"),
        Case(
            name: "look-alike letters that spell another date are no leak", mode: .default,
            lines: ["Hạn: Z0Z6-U1-18"], rule: "DSP-003", outcome: .pass,
            message: "passed: Full birth date not shown in default mode"),
        Case(
            name: "full mode shows masked ID", mode: .full, lines: ["CCCD: ******029317"], rule: "DSP-005",
            outcome: .fail,
            message: "the ID number is shown masked ('******029317') although the screenshot is declared full mode; "
                + "show all 12 characters"),
        Case(
            name: "full mode date", mode: .full, lines: ["Ngày sinh: 1987-01-18"], rule: "DSP-006", outcome: .pass,
            message: "passed: Full birth date shown in full mode"),
        Case(
            name: "name with diacritics", mode: .full, lines: ["Nguyễn Lê Kha Hân"], rule: "DSP-007", outcome: .pass,
            message: "passed: Name shown beside the code"),
        Case(
            name: "name missing", mode: .default, lines: ["CCCD: ******029317"], rule: "DSP-007",
            outcome: .inconclusive,
            message:
                "the name 'NGUYEN LE KHA HAN' was not found in the screen text, though every line that could show it "
                + "was read (1 line); a presence rule fails only on a reading that contradicts it"),
        Case(
            name: "no mode", mode: nil, lines: ["CCCD: ******029317"], rule: "DSP-002", outcome: .notApplicable,
            message: "no display mode was declared for this screenshot"),
        Case(
            name: "other mode", mode: .full, lines: ["CCCD: ******029317"], rule: "DSP-001", outcome: .notApplicable,
            message: "applies to the default display mode; the screenshot is declared full"),
        Case(
            name: "no text", mode: .default, lines: [], rule: "DSP-002", outcome: .inconclusive,
            message: "OCR read no text on the screen"),
    ]

    @Test(arguments: cases)
    func ruleOutcomeAndMessage(_ test: Case) throws {
        var reading = Self.reading(
            test.lines, confidence: test.confidence, unreadLines: test.unreadLines, glyphs: test.glyphs)
        for index in reading.words.indices where test.weak.contains(reading.words[index].text) {
            reading.words[index].confidence = 30
        }
        let observation = ImageObservation(
            symbols: [SymbolObservation(payload: Array(TestSupport.example.utf8))], displayMode: test.mode,
            screenText: .value(reading))
        let findings = ConformanceEngine(spec: try TestSupport.loadedSpec().spec)
            .evaluate(observation, at: TestSupport.validationTime)
        let finding = try #require(findings.first { $0.rule == test.rule })
        #expect(finding.outcome == test.outcome)
        #expect(finding.message == test.message)
    }

    /// One rule's finding on a default-mode screen read as `reading`.
    static func finding(_ rule: String, on reading: ScreenReading, mode: DisplayMode = .default) throws -> Finding {
        let observation = ImageObservation(
            symbols: [SymbolObservation(payload: Array(TestSupport.example.utf8))], displayMode: mode,
            screenText: .value(reading))
        let findings = ConformanceEngine(spec: try TestSupport.loadedSpec().spec)
            .evaluate(observation, at: TestSupport.validationTime)
        return try #require(findings.first { $0.rule == rule })
    }

    @Test(
        "pictograms in an unread line do not count towards its length: a status bar's icons beside '11%' are no date",
        arguments: [(6, 2, RuleOutcome.pass), (7, 2, .inconclusive), (8, 0, .inconclusive)])
    func pictogramsDoNotCount(narrow: Int, wide: Int, outcome: RuleOutcome) throws {
        var reading = Self.reading(["Ngày sinh: 1987-**-**"], confidence: 95)
        // Narrow columns as glyphs are, then columns twice as wide as high (a battery, a Wi-Fi fan).
        var columns = (0..<narrow).map {
            RecognizedWord.Box(left: 60 + $0 * 16, top: 20, right: 74 + $0 * 16, bottom: 42)
        }
        columns += (0..<wide).map {
            RecognizedWord.Box(
                left: 60 + narrow * 16 + $0 * 50, top: 20, right: 104 + narrow * 16 + $0 * 50, bottom: 42)
        }
        let first = try #require(columns.first)
        reading.regions.insert(
            TextRegion(box: columns.dropFirst().reduce(first) { $0.union($1) }, glyphs: columns, polarity: .light),
            at: 0)
        #expect(try Self.finding("DSP-003", on: reading).outcome == outcome)
    }

    @Test(
        "values in two tiles of one row are two values: the gap between grid columns does not join them into one number",
        arguments: [(200, RuleOutcome.pass), (40, .pass), (20, .inconclusive)])
    func columnGapSeparatesValues(gap: Int, outcome: RuleOutcome) throws {
        // '******029317' and '1987-**-**' side by side, 28 px high: 200 px apart they stand in two tiles; 40 px apart
        // each is still a word of its own; 20 px apart (a word space) they read as one token, which is not the masked
        // ID.
        var reading = Self.reading(["******029317 1987-**-**"], confidence: 95)
        let second = try #require(reading.words.indices.last)
        let shift = reading.words[0].box.right + gap - reading.words[second].box.left
        reading.words[second].box.left += shift
        reading.words[second].box.right += shift
        reading.regions = []
        #expect(try Self.finding("DSP-002", on: reading).outcome == outcome)
    }

    @Test(
        "a tall sign before a date is no digit of it: a dimmed page's edge read as '1' does not make 1**/**/1987",
        arguments: [(60, true), (36, true), (30, false)])
    func tallSignStaysOutOfTheNumber(signHeight: Int, apart: Bool) throws {
        // '1' set a word space before the masked birth date (digits 28 px high): more than a quarter taller than the
        // date it is the page's edge and the masked date is found whole; about as tall, it is read as part of it.
        var reading = Self.reading(["1 **/**/1987"], confidence: 95)
        reading.words[0].box.top = reading.words[1].box.bottom - signHeight
        reading.regions = []
        let finding = try Self.finding("DSP-004", on: reading)
        #expect((finding.outcome == .pass) == apart, "\(finding.message)")
    }

    @Test(
        "a reading with an unread glyph touching it or between its words decides nothing: it may have lost a star there",
        arguments: [("CCCD: *****3029317", 4), ("CCCD: *** **3029317", 7)])
    func unreadNeighbourKeepsAContraryReadingUnsure(line: String, position: Int) throws {
        var reading = Self.reading([line], confidence: 95)
        #expect(try Self.finding("DSP-002", on: reading).outcome == .fail)
        // A glyph column no word covers, 4–14 px left of the last word: at the value's edge, or in the word space
        // between two star tokens that the rule joins into one number.
        let value = try #require(reading.words.last?.box)
        let lost = RecognizedWord.Box(
            left: value.left - 14, top: value.top + 4, right: value.left - 4, bottom: value.top + 26)
        reading.regions[0].glyphs.insert(lost, at: position)
        reading.regions[0].box = reading.regions[0].box.union(lost)
        let finding = try Self.finding("DSP-002", on: reading)
        #expect(finding.outcome == .inconclusive)
        #expect(
            finding.message.hasSuffix(
                "(a glyph right beside it or between its words was not read, so the reading may have lost a character)")
        )
    }

    @Test(
        "a date's separators standing apart are short by nature and do not make it unsure; short digits do",
        arguments: [(3, 28, RuleOutcome.pass), (28, 28, .pass), (3, 12, .inconclusive)])
    func loneSeparatorsAreExemptFromTheHeightTest(dash: Int, digits: Int, outcome: RuleOutcome) throws {
        // 'Ngày sinh của chủ thẻ: 1987 - 01 - 18' in full mode: labels 28 px high, the dashes and the date's digits as
        // given (the spec's min_text_height is 16).
        var reading = Self.reading(["Ngày sinh của chủ thẻ: 1987 - 01 - 18"], confidence: 95, glyphs: ["-": 0])
        for index in reading.words.indices {
            let text = reading.words[index].text
            let height = text == "-" ? dash : text.allSatisfy(\.isNumber) ? digits : nil
            guard let height else { continue }
            let middle = (reading.words[index].box.top + reading.words[index].box.bottom) / 2
            reading.words[index].box.top = middle - height / 2
            reading.words[index].box.bottom = middle - height / 2 + height
        }
        let finding = try Self.finding("DSP-006", on: reading, mode: .full)
        #expect(finding.outcome == outcome, "\(finding.message)")
        #expect(
            outcome == .pass
                || finding.message.hasPrefix("the screen text reads")
                    && finding.message.contains("its characters are \(digits) px high, under the 16 px"),
            "\(finding.message)")
    }

    @Test("two readings of the same pixels decide nothing apart: '3/**/1987' over '**/**/1987' is no wrong mask")
    func overlappingReadingsOfADateDecideNothing() throws {
        // A star token read twice (third draw 2828, 085): `**/**/1987` and, a star pair short, `3/**/1987` over the same
        // columns. Joined they hold no date; each word on its own would be a pass and a fail.
        var reading = Self.reading(["Ngày sinh: **/**/1987 3/**/1987"], confidence: 90)
        reading.regions = []
        let first = try #require(reading.words.first { $0.text == "**/**/1987" }?.box)
        let second = try #require(reading.words.firstIndex { $0.text == "3/**/1987" })
        reading.words[second].box.left = first.left + 25
        reading.words[second].box.right = first.right + 1
        let finding = try Self.finding("DSP-004", on: reading)
        #expect(finding.outcome == .inconclusive, "\(finding.message)")
    }

    @Test(
        "a value whose glyphs stand lower on the ink than min_glyph_height is unsure, however tall OCR's box",
        arguments: [(22, RuleOutcome.pass), (15, .pass), (14, .inconclusive)])
    func lowGlyphsUnderATallBoxAreUnsure(glyphHeight: Int, outcome: RuleOutcome) throws {
        // '******029317' read with confidence in a 28 px box (a verified token's box spans its band), its glyph columns
        // as given: 9 CSS px text at a ratio of 2 shows 13–14 px digits in a 16 px box (the spec's min_glyph_height is 15).
        var reading = Self.reading(["CCCD: ******029317"], confidence: 95)
        for index in reading.regions[0].glyphs.indices {
            reading.regions[0].glyphs[index].bottom = reading.regions[0].glyphs[index].top + glyphHeight
        }
        let finding = try Self.finding("DSP-002", on: reading)
        #expect(finding.outcome == outcome, "\(finding.message)")
        #expect(
            outcome == .pass
                || finding.message.contains("its digits stand \(glyphHeight) px high on the screen, under the 15 px"),
            "\(finding.message)")
    }

    @Test(
        "a mask's short stars do not set its height: the columns under full_glyph_ratio of the tallest are left out",
        arguments: [(20, RuleOutcome.pass), (14, .inconclusive)])
    func starsDoNotSetAValuesHeight(digitHeight: Int, outcome: RuleOutcome) throws {
        // '******029317' read with confidence: six 8 px star columns, six digit columns as given (the spec's ratio 0.7
        // leaves the stars out; all twelve columns' lower median would be a star's 8 px).
        var reading = Self.reading(["CCCD: ******029317"], confidence: 95)
        let value = try #require(reading.words.first { $0.text == "******029317" }?.box)
        let columns = reading.regions[0].glyphs.indices.filter {
            value.contains(x: reading.regions[0].glyphs[$0].left + 1, y: value.top + 8)
        }
        try #require(columns.count == 12)
        for (position, index) in columns.enumerated() {
            reading.regions[0].glyphs[index].bottom =
                reading.regions[0].glyphs[index].top + (position < 6 ? 8 : digitHeight)
        }
        let finding = try Self.finding("DSP-002", on: reading)
        #expect(finding.outcome == outcome, "\(finding.message)")
    }

    @Test(
        "an unsure full value is quoted masked, whatever kept it from deciding",
        arguments: [(30.0, [String: Int]()), (95.0, ["18/01/1987": 13, "001093029317": 13] as [String: Int])])
    func unsureFullValueStaysMasked(confidence: Double, glyphs: [String: Int]) throws {
        let reading = Self.reading(
            ["Ngày sinh: 18/01/1987", "CCCD: 001093029317"], confidence: confidence, glyphs: glyphs)
        for rule in ["DSP-005", "DSP-006"] {
            let finding = try Self.finding(rule, on: reading, mode: .full)
            #expect(finding.outcome == .inconclusive, "\(rule): \(finding.message)")
            #expect(finding.message.hasPrefix("the screen text reads"), "\(rule): \(finding.message)")
            for secret in ["18/01", "1987-01-18", "001093"] {
                #expect(!finding.message.contains(secret), "\(rule): \(finding.message)")
            }
        }
    }

    @Test(
        "a value split into several lines by its separators is one stretch: 2001 | 11 | 05 can still be a birth date",
        arguments: [(30, RuleOutcome.inconclusive), (200, .pass)])
    func piecesOfOneRowAreOneStretch(gap: Int, outcome: RuleOutcome) throws {
        var reading = Self.reading(["Ngày sinh: 1987-**-**"], confidence: 95)
        var left = 60
        for count in [4, 2, 2] {
            let columns = (0..<count).map {
                RecognizedWord.Box(left: left + $0 * 16, top: 1200, right: left + 14 + $0 * 16, bottom: 1222)
            }
            left += count * 16 + gap
            let first = try #require(columns.first)
            reading.regions.append(
                TextRegion(box: columns.dropFirst().reduce(first) { $0.union($1) }, glyphs: columns, polarity: .dark))
        }
        #expect(try Self.finding("DSP-003", on: reading).outcome == outcome)
    }

    struct Stray: Sendable, CustomTestStringConvertible {
        let words: [String]
        var confidence = 92.0
        var height = 28
        let outcome: RuleOutcome
        var testDescription: String {
            "\(words.joined(separator: " ")) at \(Int(confidence)), \(height) px: \(outcome)"
        }
    }

    @Test(
        "words read where the line finder found no line vouch for nothing: an ID split over them is no proven absence",
        arguments: [
            Stray(words: ["001(", "35029317"], outcome: .inconclusive),
            Stray(words: ["Tổng", "đài", "1900"], outcome: .pass),
            Stray(words: ["Họ", "tên:", "Nguyễn", "Văn", "An"], outcome: .pass),
            Stray(words: ["0(", "3"], outcome: .pass),
            // Unsure letters are no proof either, unless the word is far taller than any line: a page's stripes.
            Stray(words: ["Bpeeeeaeaeeaea"], confidence: 14, outcome: .inconclusive),
            Stray(words: ["Bpeeeeaeaeeaea"], confidence: 14, height: 100, outcome: .pass),
            Stray(words: ["001(", "35029317"], confidence: 70, height: 100, outcome: .inconclusive),
        ])
    func straysOutsideTheLinesFound(stray: Stray) throws {
        // A striped page hid a line from the finder; the page pass read it, without glyph counts. The line found is
        // 22 px high.
        var reading = Self.reading(["CCCD: ******029317"], confidence: 95)
        var left = 60
        for text in stray.words {
            let width = text.count * 16
            reading.words.append(
                RecognizedWord(
                    text: text, box: .init(left: left, top: 900, right: left + width, bottom: 900 + stray.height),
                    confidence: stray.confidence))
            left += width + 12
        }
        let finding = try Self.finding("DSP-001", on: reading)
        #expect(finding.outcome == stray.outcome, "\(finding.message)")
        if stray.outcome == .inconclusive { #expect(finding.message.contains("text outside the lines found")) }
    }

    @Test(
        "a word read over fewer columns than characters proves no absence, letters or digits; one that agrees does",
        arguments: [
            ("Tổng đàiđàiđàiđài", 12, RuleOutcome.pass),
            ("Tổng đàiđàiđàiđài", 7, .inconclusive),  // tiny text joins letters: digits may be read as letters
            ("Tổng đài.19000368", 7, .inconclusive),  // a digit read in error inside a date would hide it
            ("Tổng đàiđàiđàiđài", 30, .inconclusive),  // more columns than even pieces of letters: some may be lost
        ])
    func wordReadingMoreThanItsColumns(line: String, columns: Int, outcome: RuleOutcome) throws {
        let word = String(line.split(separator: " ")[1])
        let reading = Self.reading(["Ngày sinh: 1987-**-**", line], confidence: 95, glyphs: [word: columns])
        let finding = try Self.finding("DSP-003", on: reading)
        #expect(finding.outcome == outcome, "\(finding.message)")
    }

    @Test(
        "a value read exactly in full may read more characters than its columns (touching digits), never fewer",
        arguments: [
            ("DSP-005", "CCCD: 001093029317", 11, RuleOutcome.pass),
            ("DSP-005", "CCCD: 001093029317", 13, .inconclusive),
            ("DSP-005", "CCCD: 0010930293l7", 11, .inconclusive),  // read with a look-alike letter: no exact value
            ("DSP-006", "Ngày sinh: 18/01/1987", 7, .pass),
            ("DSP-006", "Ngày sinh: 18/01/1987", 11, .inconclusive),
        ])
    func exactValueOverJoinedColumns(rule: String, line: String, columns: Int, outcome: RuleOutcome) throws {
        let word = try #require(line.split(separator: " ").last.map(String.init))
        let reading = Self.reading([line], confidence: 95, glyphs: [word: columns])
        let finding = try Self.finding(rule, on: reading, mode: .full)
        #expect(finding.outcome == outcome, "\(finding.message)")
    }

    @Test(
        "a line whose capitals and digits stand under min_glyph_height vouches for no absence and shows no name",
        arguments: [
            ("DSP-001", 22, RuleOutcome.pass), ("DSP-001", 15, .pass), ("DSP-001", 14, .inconclusive),
            ("DSP-003", 14, .inconclusive), ("DSP-007", 15, .pass), ("DSP-007", 14, .inconclusive),
        ])
    func smallLineVouchesForNothing(rule: String, glyphHeight: Int, outcome: RuleOutcome) throws {
        // A screen read with confidence in 28 px boxes; the glyph columns of its second line, the name and a footer's
        // letters, stand as given on the ink (9 CSS px at a ratio of 2 shows 13-14 px capitals; min_glyph_height 15).
        var reading = Self.reading(
            ["CCCD: ******029317 Ngày sinh: **/**/1987", "Nguyễn Lê Kha Hân Trung tâm dịch vụ công quốc gia"],
            confidence: 95)
        for index in reading.regions[1].glyphs.indices {
            reading.regions[1].glyphs[index].bottom = reading.regions[1].glyphs[index].top + glyphHeight
        }
        let finding = try Self.finding(rule, on: reading)
        #expect(finding.outcome == outcome, "\(finding.message)")
        #expect(
            outcome == .pass || rule != "DSP-007"
                || finding.message.contains("its line stand \(glyphHeight) px high on the screen, under the 15 px"),
            "\(finding.message)")
    }

    @Test("a confident fragment of a longer reading of the same pixels does not vouch for its glyphs")
    func fragmentOfALongerReading() throws {
        var reading = Self.reading(["Ngày sinh: 1987-**-**", "Sinh 1987- 118,"], confidence: 95)
        // The page pass read the same pixels as one longer, unsure word: the full date.
        let fragments = reading.words.filter { $0.box.top == 540 && $0.text != "Sinh" }
        let span = try #require(fragments.dropFirst().reduce(fragments.first?.box) { $0?.union($1.box) })
        reading.words.append(RecognizedWord(text: "1987-01-18", box: span, confidence: 96))
        #expect(try Self.finding("DSP-003", on: reading).outcome != .pass)
    }

    @Test func screenTextNotReadSkipsWithTheReason() throws {
        let observation = ImageObservation(
            symbols: [SymbolObservation(payload: Array(TestSupport.example.utf8))], displayMode: .default)
        let findings = ConformanceEngine(spec: try TestSupport.loadedSpec().spec)
            .evaluate(observation, at: TestSupport.validationTime)
        #expect(
            findings.first { $0.rule == "DSP-001" }?.message == "screen text unavailable: the screen text was not read")
    }

    @Test func toleranceIsNamedInTheEvidence() throws {
        let observation = ImageObservation(
            symbols: [SymbolObservation(payload: Array(TestSupport.example.utf8))], displayMode: .default,
            screenText: .value(Self.reading(["CCCD: ****** O29 317"], confidence: 95)))
        let findings = ConformanceEngine(spec: try TestSupport.loadedSpec().spec)
            .evaluate(observation, at: TestSupport.validationTime)
        let evidence = try #require(findings.first { $0.rule == "DSP-002" }?.evidence)
        #expect(
            evidence.measured
                == "'******029317' (OCR tolerance: spaces inside the number ignored, 'O' read as '0')")
        #expect(evidence.location == "screen text line 1 at x 152–368, y 500–528")
    }

    @Test(arguments: [
        (["CCCD: 001093029317"], "CCCD: ******029317"),
        (["CCCD: 001 093 029317"], "CCCD: *** *** 029317"),
        (["CCCD: *****3029317"], "CCCD: *****#029317"),
        (["Ngày sinh: 1987-01-18"], "Ngày sinh: 1987-**-**"),
        (["Ngày sinh: 18/01/1987"], "Ngày sinh: **/**/1987"),
        (["Ngày sinh: 1987-01-**"], "Ngày sinh: 1987-##-**"),
        (["Họ và tên: Nguyễn Lê Kha Hân"], "Họ và tên: Nguyễn Lê Kha Hân"),
    ])
    func reportMaskHidesPersonalDigits(_ lines: [String], _ expected: String) {
        let masked = ScreenTextMask.masked(
            Self.words(lines, confidence: 90), idNumber: "001093029317", birthDate: "1987-01-18")
        #expect(masked.map(\.text).joined(separator: " ") == expected)
    }
}
