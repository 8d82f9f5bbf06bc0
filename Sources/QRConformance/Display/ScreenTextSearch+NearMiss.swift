import QRSymbol
import QRText

extension ScreenTextSearch {
    /// Places that read as `value` with exactly one digit different (`18/01/1937` for `18/01/1987`), or with letters
    /// for look-alike digits and at most one digit different (`ZUU1-11-05` for `2001-11-05` in a bold face): OCR
    /// swaps look-alike characters with full confidence, so an absence is not claimed over such a reading.
    ///
    /// A `-`, `/` or `.` in `value` matches any of them; the place must not run on into more digits.
    public func nearMisses(of value: String) -> [ScreenMatch] {
        let target = Array(value)
        guard !target.isEmpty else { return [] }
        var matches: [ScreenMatch] = []
        for (index, line) in screen.lines.enumerated() {
            let characters = line.normalized
            guard characters.count >= target.count else { continue }
            for start in 0...(characters.count - target.count) {
                let end = start + target.count
                if start > 0, characters[start - 1].isASCIIDigit { continue }
                if end < characters.count, characters[end].isASCIIDigit { continue }
                var differences = 0
                var letters = 0
                for (offset, expected) in target.enumerated() {
                    let read = characters[start + offset]
                    if ScreenLine.numberSeparators.contains(expected) {
                        if !ScreenLine.numberSeparators.contains(read) { differences += 2 }
                    } else if read != expected {
                        if read.isASCIIDigit {
                            differences += 1
                        } else if DigitLookAlike.digits[read] == expected {
                            letters += 1
                        } else {
                            differences += 2
                        }
                    }
                    if differences > 1 { break }
                }
                guard differences <= 1, differences + letters > 0 else { continue }
                let range = start..<end
                let tolerances = line.tolerances(in: range).union(letters > 0 ? [.lookAlikeLetter] : [])
                matches.append(
                    ScreenMatch(
                        line: index, range: range, shown: String(repeating: "#", count: target.count),
                        tolerances: tolerances, box: line.box(of: range)))
            }
        }
        return matches
    }

    /// Runs of digits that are `number` with one or two of its digits lost (`0792010 512` for `079201004512`: OCR
    /// dropped the zeros of a bold face on stripes, and the region finder the same glyphs): an absence is not claimed
    /// over such a reading either. Only values of nine digits or more, so a masked number's tail never counts.
    public func lostDigits(of number: String) -> [ScreenMatch] {
        let target = Array(number)
        guard target.count >= Self.lostDigitsLength, target.allSatisfy(\.isASCIIDigit) else { return [] }
        var matches: [ScreenMatch] = []
        for (index, line) in screen.lines.enumerated() {
            let characters = line.normalized
            for range in Character.digitRuns(characters) {
                let lost = target.count - range.count
                if (1...2).contains(lost), Self.isSubsequence(Array(characters[range]), of: target) {
                    matches.append(
                        ScreenMatch(
                            line: index, range: range, shown: String(repeating: "#", count: range.count),
                            tolerances: line.tolerances(in: range).union([.lostDigit]), box: line.box(of: range)))
                }
            }
        }
        return matches
    }

    /// The least digits a value must have for a reading with digits lost to count as a near miss of it.
    static let lostDigitsLength = 9

    /// Whether `part` is `whole` with some of its characters left out, the rest in order.
    static func isSubsequence(_ part: [Character], of whole: [Character]) -> Bool {
        var next = 0
        for character in whole where next < part.count && part[next] == character { next += 1 }
        return next == part.count
    }

    /// Places that read as `value` with one of its digits lost (`05/1/2001` for `05/11/2001`), a `-`, `/` or `.` in
    /// `value` matching any of them, not running on into more digits: OCR drops a glyph it cannot separate from its
    /// neighbour or the background, so an absence is not claimed over such a reading.
    public func lostDigitMisses(of value: String) -> [ScreenMatch] {
        let target = Array(value)
        var patterns: [[Character]] = []
        for index in target.indices where target[index].isASCIIDigit {
            var shortened = target
            shortened.remove(at: index)
            if !patterns.contains(shortened) { patterns.append(shortened) }
        }
        var matches: [ScreenMatch] = []
        for (lineIndex, line) in screen.lines.enumerated() {
            let characters = line.normalized
            for pattern in patterns where characters.count >= pattern.count && !pattern.isEmpty {
                for start in 0...(characters.count - pattern.count) {
                    let end = start + pattern.count
                    if start > 0, characters[start - 1].isASCIIDigit { continue }
                    if end < characters.count, characters[end].isASCIIDigit { continue }
                    let agrees = pattern.indices.allSatisfy { offset in
                        let read = characters[start + offset]
                        let expected = pattern[offset]
                        return ScreenLine.numberSeparators.contains(expected)
                            ? ScreenLine.numberSeparators.contains(read) : read == expected
                    }
                    guard agrees else { continue }
                    let range = start..<end
                    matches.append(
                        ScreenMatch(
                            line: lineIndex, range: range, shown: String(repeating: "#", count: pattern.count),
                            tolerances: line.tolerances(in: range).union([.lostDigit]), box: line.box(of: range)))
                }
            }
        }
        return matches
    }
}
