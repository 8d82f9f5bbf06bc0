import QRSymbol
import QRText

/// Finds the payload's ID number, birth date and name in screen text, tolerating OCR noise.
///
/// ```swift
/// let search = ScreenTextSearch(ScreenText(words: words))
/// search.fullIDNumber("001093029317")   // the lines showing it in full
/// ```
public struct ScreenTextSearch: Sendable {
    public let screen: ScreenText

    public init(_ screen: ScreenText) {
        self.screen = screen
    }

    /// Every place the whole ID number is shown.
    public func fullIDNumber(_ number: String) -> [ScreenMatch] {
        let target = Array(number)
        guard !target.isEmpty else { return [] }
        var matches: [ScreenMatch] = []
        for (index, line) in screen.lines.enumerated() {
            let characters = line.normalized
            guard characters.count >= target.count else { continue }
            for start in 0...(characters.count - target.count)
            where Array(characters[start..<(start + target.count)]) == target {
                let range = start..<(start + target.count)
                matches.append(match(line: index, range: range, shown: PersonalDataMask.idNumber(number)))
            }
        }
        return matches
    }

    /// Tokens that end in a trailing part of the ID number after at least 3 other characters.
    public func maskedIDCandidates(_ number: String) -> [MaskedIDCandidate] {
        let digits = Array(number)
        var candidates: [MaskedIDCandidate] = []
        for (index, line) in screen.lines.enumerated() {
            for token in tokens(line) {
                var characters = Array(line.normalized[token])
                var lower = token.lowerBound
                if let colon = characters.lastIndex(of: ":") {
                    lower += colon + 1
                    characters = Array(characters[(colon + 1)...])
                }
                // A dot or hyphen before the mask (a leader, a stray mark) is no mask character.
                while let first = characters.first, characters.count > 1, GlyphCount.of(String(first)) == 0 {
                    lower += 1
                    characters.removeFirst()
                }
                // Nor is a sign after the digits (a row's border read as `-`): a masked number ends in a digit.
                var upper = token.upperBound
                while let last = characters.last, characters.count > 1, ScreenLine.numberSeparators.contains(last) {
                    upper -= 1
                    characters.removeLast()
                }
                let run = characters.reversed().prefix { $0.isASCIIDigit }.count
                let mask = Array(characters.dropLast(run))
                guard run >= 2, run < digits.count, mask.count >= 3, abs(mask.count + run - digits.count) <= 3,
                    Array(digits.suffix(run)) == Array(characters.suffix(run))
                else { continue }
                let visible = max(0, digits.count - 6)
                let shownMask = String(mask.map { $0.isASCIIDigit ? "#" : $0 })
                let shownDigits =
                    String(repeating: "#", count: max(0, run - visible)) + String(digits.suffix(min(run, visible)))
                let range = lower..<upper
                candidates.append(
                    MaskedIDCandidate(
                        match: match(line: index, range: range, shown: shownMask + shownDigits), mask: String(mask),
                        digitCount: run))
            }
        }
        return candidates
    }

    /// Tokens holding the birth year with a day and month part, in `YYYY-MM-DD` or `DD/MM/YYYY` order, and the whole
    /// date read with a sign between its parts missing (`1987 01 18`, `2001 11-05`).
    public func dateCandidates(_ birthDate: CalendarDate) -> [DateCandidate] {
        let year = Array(String(birthDate.description.prefix(4)))
        let month = Array(birthDate.description.dropFirst(5).prefix(2))
        let day = Array(birthDate.description.suffix(2))
        var candidates: [DateCandidate] = []
        for (index, line) in screen.lines.enumerated() {
            let joined = tokens(line)
            // Each word on its own too, for the full date only: a leak followed by another number a word space away
            // (`27/03/1995 24/05/2026` in a footer) runs into it once the space inside a number is dropped. A word is
            // no evidence of a mask where its joined token holds a date: a masked date split at a word space is judged
            // whole, as joined. Where the joined token holds none (a leader's dots read `00020` and run into
            // `**/**/1978`: a day of seven characters), the word is judged on its own, unless another word shares its
            // columns: two readings of the same pixels (`3/**/2001` over `**/**/2001`) decide nothing apart.
            let words = wordTokens(line).filter { !joined.contains($0) }
            var dated: [Range<Int>] = []
            for (token, isWord) in joined.map({ ($0, false) }) + words.map({ ($0, true) }) {
                let characters = Array(line.normalized[token])
                let fullOnly = isWord && (dated.contains { $0.overlaps(token) } || sharesColumns(token, in: line))
                for start in characters.indices where characters[start...].starts(with: year) {
                    guard let parts = Self.dateParts(characters, yearAt: start) else { continue }
                    if !isWord { dated.append(token) }
                    let isFull = parts.month == month && parts.day == day
                    if fullOnly, !isFull { continue }
                    let hide: (ArraySlice<Character>) -> String = { part in
                        String(part.map { $0.isASCIIDigit ? "#" : $0 })
                    }
                    var shown = Array(characters[parts.range])
                    for position in parts.range
                    where characters[position].isASCIIDigit && !parts.yearRange.contains(position) {
                        shown[position - parts.range.lowerBound] = isFull ? "*" : "#"
                    }
                    let range =
                        (token.lowerBound + parts.range.lowerBound)..<(token.lowerBound + parts.range.upperBound)
                    candidates.append(
                        DateCandidate(
                            match: match(line: index, range: range, shown: String(shown)),
                            month: hide(parts.month[...]),
                            day: hide(parts.day[...]), isFull: isFull))
                }
            }
        }
        // The date's digits in order with a sign missing between its parts (`1987 01 18` or `2001 11-05`: OCR lost a
        // hyphen, and the spaces between number pieces are dropped): the whole date, shown, in any of its orders.
        let yearText = String(year)
        let orders = [[year, month, day], [day, month, year], [month, day, year]]
        for (index, line) in screen.lines.enumerated() {
            let characters = line.normalized
            for (order, parts) in orders.enumerated() {
                for start in characters.indices where start == 0 || !characters[start - 1].isASCIIDigit {
                    guard let end = Self.partsMissingASign(parts, in: characters, from: start) else { continue }
                    let shown = order == 0 ? yearText + "****" : "****" + yearText
                    candidates.append(
                        DateCandidate(
                            match: match(line: index, range: start..<end, shown: shown), month: "##", day: "##",
                            isFull: true))
                }
            }
        }
        return candidates
    }

    /// Whether the name is shown, compared letter by letter without diacritics, spaces or case.
    public func name(_ name: String) -> ScreenMatch? {
        let target = Self.plainLetters(name)
        guard !target.isEmpty else { return nil }
        for (index, line) in screen.lines.enumerated() where Self.plainLetters(line.text).contains(target) {
            return ScreenMatch(
                line: index, range: 0..<line.normalized.count, shown: name, tolerances: [],
                box: line.box(of: 0..<line.normalized.count))
        }
        for index in screen.lines.indices.dropLast() {
            let joined = Self.plainLetters(screen.lines[index].text + " " + screen.lines[index + 1].text)
            guard joined.contains(target) else { continue }
            let line = screen.lines[index]
            return ScreenMatch(
                line: index, range: 0..<line.normalized.count, shown: name, tolerances: [],
                box: line.box(of: 0..<line.normalized.count))
        }
        // Tesseract often reads a stacked Vietnamese diacritic (ố, ữ) as another vowel: a name of 8 or more letters
        // still matches with one vowel replaced by another, and the evidence says so.
        guard target.count >= 8 else { return nil }
        for (index, line) in screen.lines.enumerated()
        where Self.matchesWithOneVowel(Self.plainLetters(line.text), target) {
            return ScreenMatch(
                line: index, range: 0..<line.normalized.count, shown: name, tolerances: [.vowelInName],
                box: line.box(of: 0..<line.normalized.count))
        }
        return nil
    }

    /// Whether `text` holds `target` with at most one vowel replaced by another vowel.
    static func matchesWithOneVowel(_ text: String, _ target: String) -> Bool {
        let haystack = Array(text)
        let needle = Array(target)
        guard haystack.count >= needle.count else { return false }
        let vowels = Set("AEIOUY")
        for start in 0...(haystack.count - needle.count) {
            var differences = 0
            for (offset, expected) in needle.enumerated() where haystack[start + offset] != expected {
                differences += vowels.contains(expected) && vowels.contains(haystack[start + offset]) ? 1 : 2
                if differences > 1 { break }
            }
            if differences <= 1 { return true }
        }
        return false
    }

    /// Letters only, uppercase, diacritics removed (`Nguyễn Lê` → `NGUYENLE`, `Đ` → `D`).
    static func plainLetters(_ text: String) -> String {
        text.map { NameTransliteration.plain($0) }.joined()
    }

    /// The day and month parts around a year at `start`, when the token is shaped like a date.
    static func dateParts(_ characters: [Character], yearAt start: Int)
        -> (month: [Character], day: [Character], range: Range<Int>, yearRange: Range<Int>)?
    {
        let yearEnd = start + 4
        let separators = ScreenLine.numberSeparators
        // `x` and `X` stand for masked digits (OCR reads a lower-case mask as capitals); other letters end a part.
        let isPart: (Character) -> Bool = {
            !separators.contains($0) && $0 != ":" && !$0.isLetter || $0 == "x" || $0 == "X"
        }
        // Year first (`1987-01-18`); when that shape does not hold (`18/01/1987-Cập`: a dash after the year), the
        // year may still end a day-first date.
        if yearEnd < characters.count, separators.contains(characters[yearEnd]),
            start == 0 || !characters[start - 1].isASCIIDigit
        {
            let rest = characters[(yearEnd + 1)...]
            let month = Array(rest.prefix(while: isPart))
            let afterMonth = yearEnd + 1 + month.count
            if !month.isEmpty, month.count <= 4, afterMonth < characters.count,
                separators.contains(characters[afterMonth])
            {
                let day = Array(characters[(afterMonth + 1)...].prefix(while: isPart))
                if !day.isEmpty, day.count <= 4 {
                    return (month, day, start..<(afterMonth + 1 + day.count), start..<yearEnd)
                }
            }
        }
        if start >= 1, separators.contains(characters[start - 1]),
            yearEnd == characters.count || !characters[yearEnd].isASCIIDigit
        {
            let before = characters[..<(start - 1)]
            let month = Array(before.reversed().prefix(while: isPart).reversed())
            let monthStart = start - 1 - month.count
            guard !month.isEmpty, month.count <= 4, monthStart >= 1, separators.contains(characters[monthStart - 1])
            else { return nil }
            let day = Array(characters[..<(monthStart - 1)].reversed().prefix(while: isPart).reversed())
            guard !day.isEmpty, day.count <= 4 else { return nil }
            return (month, day, (monthStart - 1 - day.count)..<yearEnd, start..<yearEnd)
        }
        return nil
    }

    /// Where the date's parts end when they follow each other from `start` with at most one sign before each but the
    /// first and at least one sign missing, and no digit runs on; nil otherwise.
    static func partsMissingASign(_ parts: [[Character]], in characters: [Character], from start: Int) -> Int? {
        var position = start
        var missing = 0
        for (index, part) in parts.enumerated() {
            if index > 0 {
                if position < characters.count, ScreenLine.numberSeparators.contains(characters[position]) {
                    position += 1
                } else {
                    missing += 1
                }
            }
            guard position + part.count <= characters.count,
                Array(characters[position..<(position + part.count)]) == part
            else { return nil }
            position += part.count
        }
        guard missing > 0, position == characters.count || !characters[position].isASCIIDigit else { return nil }
        return position
    }

    /// The ranges of the space-separated tokens of a line's normalized text.
    func tokens(_ line: ScreenLine) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: Int?
        for (index, character) in line.normalized.enumerated() {
            if character == " " {
                if let begin = start { ranges.append(begin..<index) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let begin = start { ranges.append(begin..<line.normalized.count) }
        // Each word apart from its neighbours by a glyph height or more on its own as well: two values side by side
        // (two tiles of a grid) are joined where the space between them is dropped as a space inside a number
        // (`******113806 1995-**-**`), yet each is shown whole. A word space is narrower: a number split there is one.
        for range in wordTokens(line, apartOnly: true) where !ranges.contains(range) {
            ranges.append(range)
        }
        return ranges.map { Self.trimmed($0, in: line) }
    }

    /// Whether another word of the line overlaps the columns of the words in `range`: another reading of its pixels.
    func sharesColumns(_ range: Range<Int>, in line: ScreenLine) -> Bool {
        let own = line.words(in: range)
        guard let box = line.box(of: range) else { return false }
        return line.words.contains { word in !own.contains(word) && word.box.overlapWidth(box) > 0 }
    }

    /// The ranges of the line's words in its normalized text, each word on its own (only those a glyph height or
    /// more from both neighbours with `apartOnly`), trailing punctuation left out.
    func wordTokens(_ line: ScreenLine, apartOnly: Bool = false) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for index in line.words.indices {
            let box = line.words[index].box
            let apart = { (other: Int) -> Bool in
                guard line.words.indices.contains(other) else { return true }
                let neighbour = line.words[other].box
                let gap = max(neighbour.left - box.right, box.left - neighbour.right)
                return gap >= max(box.height, neighbour.height)
            }
            guard !apartOnly || (apart(index - 1) && apart(index + 1)) else { continue }
            let positions = line.origins.indices.filter { line.wordOfCharacter[line.origins[$0]] == index }
            guard let first = positions.first, let last = positions.last, last - first + 1 == positions.count else {
                continue
            }
            ranges.append(first..<(last + 1))
        }
        return apartOnly ? ranges : ranges.map { Self.trimmed($0, in: line) }
    }

    /// A token's range less trailing punctuation.
    static func trimmed(_ range: Range<Int>, in line: ScreenLine) -> Range<Int> {
        var upper = range.upperBound
        while upper > range.lowerBound, [",", ";", ".", ")"].contains(line.normalized[upper - 1]) { upper -= 1 }
        return range.lowerBound..<upper
    }

    private func match(line index: Int, range: Range<Int>, shown: String) -> ScreenMatch {
        let line = screen.lines[index]
        return ScreenMatch(
            line: index, range: range, shown: shown, tolerances: line.tolerances(in: range), box: line.box(of: range))
    }
}
