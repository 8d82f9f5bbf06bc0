import QRSymbol
import QRText

/// One line of screen text: words that share a baseline band, left to right, and their text with OCR noise tolerated.
public struct ScreenLine: Sendable, Equatable {
    public let words: [RecognizedWord]
    /// The words joined by single spaces.
    public let text: String
    /// `text` with spaces inside numbers removed and `O`/`l`/`I`/`|` next to digits read as digits.
    let normalized: [Character]
    /// For each normalized character, its index in `text`.
    let origins: [Int]
    /// For each normalized character, the tolerances that produced it.
    let tolerances: [Set<OCRTolerance>]
    /// For each character of `text`, the index of its word (nil for the joining spaces).
    let wordOfCharacter: [Int?]

    public init(words: [RecognizedWord]) {
        self.words = words
        text = words.map(\.text).joined(separator: " ")
        var owner: [Int?] = []
        var columnBreaks = Set<Int>()
        for (index, word) in words.enumerated() {
            if index > 0 {
                let previous = words[index - 1]
                if Self.isColumnGap(from: previous.box, to: word.box) || Self.isTallSign(previous, beside: word)
                    || Self.isTallSign(word, beside: previous)
                {
                    columnBreaks.insert(owner.count)
                }
                owner.append(nil)
            }
            owner += Array(repeating: index, count: word.text.count)
        }
        wordOfCharacter = owner
        (normalized, origins, tolerances) = Self.normalize(Array(text), columnBreaks: columnBreaks)
    }

    /// Words further apart than this many times their height stand in different columns (two tiles of a grid, a
    /// label and a value across a table), so no number runs across the gap between them.
    static let columnGapHeights = 3

    /// Whether the gap between two words on a line is a column gap rather than a space inside a value.
    static func isColumnGap(from left: RecognizedWord.Box, to right: RecognizedWord.Box) -> Bool {
        right.left - left.right > Self.columnGapHeights * max(1, left.height, right.height)
    }

    /// A one-character word this much taller than its neighbour (ratio ×100) is no glyph of the neighbour's text: the
    /// edge of a dimmed page or a stripe read as `1` or `|` beside a date.
    static let tallSignRatio = 125

    /// Whether `word` is a single character too tall to belong with `neighbour`, so no number runs across them.
    static func isTallSign(_ word: RecognizedWord, beside neighbour: RecognizedWord) -> Bool {
        word.text.count == 1 && word.box.height * 100 > neighbour.box.height * Self.tallSignRatio
    }

    /// The normalized text as a string.
    var normalizedText: String { String(normalized) }

    /// The box around the words that produced normalized characters `range`.
    func box(of range: Range<Int>) -> RecognizedWord.Box? {
        let indices = Set(range.compactMap { origins.indices.contains($0) ? wordOfCharacter[origins[$0]] : nil })
        let boxes = indices.sorted().map { words[$0].box }
        guard let first = boxes.first else { return nil }
        return boxes.dropFirst().reduce(first) { union, box in
            RecognizedWord.Box(
                left: min(union.left, box.left), top: min(union.top, box.top), right: max(union.right, box.right),
                bottom: max(union.bottom, box.bottom))
        }
    }

    /// The words that produced normalized characters `range`, left to right.
    func words(in range: Range<Int>) -> [RecognizedWord] {
        let indices = Set(range.compactMap { origins.indices.contains($0) ? wordOfCharacter[origins[$0]] : nil })
        return indices.sorted().map { words[$0] }
    }

    /// The tolerances used for normalized characters `range`.
    func tolerances(in range: Range<Int>) -> Set<OCRTolerance> {
        range.reduce(into: Set<OCRTolerance>()) { result, index in
            if tolerances.indices.contains(index) { result.formUnion(tolerances[index]) }
        }
    }

    static let numberSeparators: Set<Character> = ["-", "/", ".", "_", "–"]
    static let maskLike: Set<Character> = ["*", "•", "·", "●", "∗", "×"]

    /// Reads confusable letters beside digits as digits, then drops spaces between number characters, except the
    /// spaces at `columnBreaks` (indices in `characters`), which stand for a gap between columns.
    static func normalize(_ characters: [Character], columnBreaks: Set<Int> = [])
        -> ([Character], [Int], [Set<OCRTolerance>])
    {
        var mapped = characters
        var notes = [Set<OCRTolerance>](repeating: [], count: characters.count)
        var changed = true
        while changed {
            changed = false
            for index in mapped.indices {
                let character = mapped[index]
                let digit: Character
                let tolerance: OCRTolerance
                if DigitLookAlike.letterZeros.contains(character) {
                    (digit, tolerance) = ("0", .letterOAsZero)
                } else if DigitLookAlike.slashedZeros.contains(character) {
                    (digit, tolerance) = ("0", .slashedZero)
                } else if DigitLookAlike.letterOnes.contains(character) {
                    (digit, tolerance) = ("1", .letterLAsOne)
                } else {
                    continue
                }
                let before = index > 0 && mapped[index - 1].isASCIIDigit
                let after = index + 1 < mapped.count && mapped[index + 1].isASCIIDigit
                if before || after {
                    mapped[index] = digit
                    notes[index].insert(tolerance)
                    changed = true
                }
            }
        }
        var output: [Character] = []
        var origins: [Int] = []
        var tolerances: [Set<OCRTolerance>] = []
        var pendingSpace = false
        var pendingBreak = false
        for (index, character) in mapped.enumerated() {
            if character == " " {
                pendingSpace = true
                pendingBreak = pendingBreak || columnBreaks.contains(index)
                continue
            }
            var note = notes[index]
            if pendingSpace, let last = output.last {
                // A sign closing a word of letters (`tờ.` before `******007781`) ends that word, not a number.
                let closesWord =
                    output.count >= 2 && numberSeparators.contains(last) && output[output.count - 2].isLetter
                if !pendingBreak, !closesWord, isNumberCharacter(last), isNumberCharacter(character) {
                    note.insert(.spaceInNumber)
                } else {
                    output.append(" ")
                    origins.append(index - 1)
                    tolerances.append([])
                }
            }
            pendingSpace = false
            pendingBreak = false
            output.append(character)
            origins.append(index)
            tolerances.append(note)
        }
        return (output, origins, tolerances)
    }

    static func isNumberCharacter(_ character: Character) -> Bool {
        character.isASCIIDigit || numberSeparators.contains(character) || maskLike.contains(character)
    }
}

extension Character {
    /// Whether this is one of `0`–`9`.
    var isASCIIDigit: Bool { isASCII && isNumber }

    /// The maximal runs of `0`–`9` in `characters`, left to right.
    static func digitRuns(_ characters: [Character]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 0
        while start < characters.count {
            guard characters[start].isASCIIDigit else {
                start += 1
                continue
            }
            var end = start
            while end < characters.count, characters[end].isASCIIDigit { end += 1 }
            runs.append(start..<end)
            start = end
        }
        return runs
    }
}
