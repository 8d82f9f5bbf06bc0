import QRSymbol
import QRText

/// Masks recognized words for reports: OCR text holds the same personal data as the payload.
///
/// The full ID number becomes `******` + the rest and a full birth date `YYYY-**-**` (as `PersonalDataMask`);
/// digits a wrong mask left visible beyond the masked form become `#`.
public enum ScreenTextMask {
    /// The words with every reading of the ID number or birth date masked; other text unchanged.
    public static func masked(_ words: [RecognizedWord], idNumber: String?, birthDate: String?) -> [RecognizedWord] {
        let screen = ScreenText(words: words)
        let search = ScreenTextSearch(screen)
        var hidden: [Int: [Int: Character]] = [:]
        func hide(_ match: ScreenMatch) {
            let line = screen.lines[match.line]
            for (offset, position) in match.range.enumerated() where line.normalized[position].isASCIIDigit {
                let shown = Array(match.shown)
                guard offset < shown.count, shown[offset] != line.normalized[position] else { continue }
                hidden[match.line, default: [:]][line.origins[position]] = shown[offset]
            }
        }
        if let idNumber, !idNumber.isEmpty {
            search.fullIDNumber(idNumber).forEach(hide)
            search.maskedIDCandidates(idNumber).map(\.match).forEach(hide)
        }
        if let birthDate, let date = CalendarDate(iso: birthDate) {
            search.dateCandidates(date).map(\.match).forEach(hide)
        }
        var result: [RecognizedWord] = []
        for (lineIndex, line) in screen.lines.enumerated() {
            let replacements = hidden[lineIndex] ?? [:]
            var characters = Array(line.text)
            for (position, character) in replacements where characters.indices.contains(position) {
                characters[position] = character
            }
            var start = 0
            for word in line.words {
                var copy = word
                copy.text = String(characters[start..<(start + word.text.count)])
                result.append(copy)
                start += word.text.count + 1
            }
        }
        return result
    }
}
