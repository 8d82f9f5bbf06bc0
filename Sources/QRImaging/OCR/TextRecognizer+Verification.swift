import QRSymbol
import QRText

extension TextRecognizer {
    /// The words with a digit read again where the word is one digit from an expected value (the payload's ID number
    /// or birth date, in each order a screen shows it): OCR swaps look-alike digits (`3` and `5`, `0` and `9`) with
    /// full confidence in a long number. The digit's glyph column and its two neighbours are read as a line of their
    /// own; the digit takes the expected value only when that reading is exactly the expected glyphs with good
    /// confidence, and the word keeps its reading otherwise, for the rules to treat as the near miss it is.
    ///
    /// - Parameters:
    ///   - expected: digit strings the screen may show in full or in part (`048095113806`, `19950327`, `27031995`).
    func verifyingDigits(
        _ words: [RecognizedWord], regions: [TextRegion], expected: [String], image: GrayImage
    ) -> [RecognizedWord] {
        let targets = expected.map(Array.init).filter { $0.count >= Self.verifiedRunLength }
        guard !targets.isEmpty else { return words }
        return words.map { word in
            guard let (position, digit) = Self.oneDigitOff(word.text, from: targets) else { return word }
            // The glyph columns in the word's box, from every line found there (a mask's stars and the digits after
            // them may be two).
            let lines = regions.map { (region: $0, glyphs: $0.glyphs(inside: word.box)) }.filter { !$0.glyphs.isEmpty }
            guard let region = lines.max(by: { $0.glyphs.count < $1.glyphs.count })?.region else { return word }
            let characters = Array(word.text)
            let counted = characters.indices.filter { GlyphCount.of(String(characters[$0])) == 1 }
            let columns = lines.flatMap(\.glyphs).sorted { $0.left < $1.left }
            guard columns.count == counted.count, let column = counted.firstIndex(of: position) else { return word }
            // The glyph with its neighbours on either side: one glyph alone reads poorly (single-character mode), three
            // in a row read as a line, and the neighbours, known from the word, must read as themselves too.
            let lower = max(0, min(column - 1, columns.count - 3))
            let upper = min(columns.count - 1, lower + 2)
            var expectedText = characters
            expectedText[position] = digit
            let window = String(expectedText[counted[lower]...counted[upper]])
            // As tall as the word: a column can be a piece of its glyph (the lower bowl of a thin `3`).
            var box = columns[lower...upper].dropFirst().reduce(columns[lower]) { $0.union($1) }
            box.top = min(box.top, word.box.top)
            box.bottom = max(box.bottom, word.box.bottom)
            setWhitelist("0123456789-/.")
            defer { setWhitelist("") }
            let read = readRegion(
                TextRegion(box: box, glyphs: Array(columns[lower...upper]), polarity: region.polarity), in: image)
            let reading = read.map(\.text).joined()
            let confidence = read.map(\.confidence).min() ?? 0
            // A dot is no glyph column (a stray one at the crop's edge is read now and then); the rest must agree.
            guard reading.filter({ $0 != "." }) == window.filter({ $0 != "." }), confidence >= Self.goodConfidence
            else { return word }
            var verified = word
            var text = characters
            text[position] = digit
            verified.text = String(text)
            verified.confidence = min(word.confidence, confidence)
            return verified
        }
    }

    /// The least digits a word must hold for one of them to be read again against an expected value: a masked ID
    /// number's visible tail.
    static let verifiedRunLength = 6

    /// Where `text`'s digits, taken in order, are one digit from a run of one of `targets`, and no run matches them
    /// exactly: the character position and the digit expected there; nil when no run or several disagreeing ones are.
    static func oneDigitOff(_ text: String, from targets: [[Character]]) -> (Int, Character)? {
        let characters = Array(text)
        let positions = characters.indices.filter { ("0"..."9").contains(characters[$0]) }
        guard positions.count >= verifiedRunLength else { return nil }
        let digits = positions.map { characters[$0] }
        var found: (Int, Character)?
        for target in targets where target.count >= digits.count {
            for offset in 0...(target.count - digits.count) {
                let differing = digits.indices.filter { digits[$0] != target[offset + $0] }
                if differing.isEmpty { return nil }
                guard differing.count == 1, let index = differing.first else { continue }
                let candidate = (positions[index], target[offset + index])
                if let existing = found, existing != candidate { return nil }
                found = candidate
            }
        }
        return found
    }
}
