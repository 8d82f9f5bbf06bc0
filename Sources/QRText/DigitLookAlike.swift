/// Letters OCR reads for a digit in some faces and weights (a bold `0` as `U`, `2` as `Z`, `5` as `S`, a monospaced
/// face's slashed or dotted `0` as `Ø` or `θ`).
public enum DigitLookAlike {
    /// The digit each look-alike letter stands for.
    public static let digits: [Character: Character] = [
        "O": "0", "o": "0", "U": "0", "u": "0", "D": "0", "Q": "0", "Ø": "0", "ø": "0", "Θ": "0", "θ": "0",
        "I": "1", "l": "1", "i": "1", "|": "1", "!": "1",
        "Z": "2", "z": "2", "S": "5", "s": "5", "G": "6", "b": "6", "T": "7", "B": "8", "g": "9", "q": "9",
    ]

    /// The look-alike letters in a number misread as partly letters (`ZUU1-11-05` for a bold `2001-11-05`): a word
    /// of six characters or more, at least half digits, the rest look-alike letters and date signs. Zero for any
    /// other word.
    public static func misreadLetters(in text: String) -> Int {
        let characters = Array(text)
        guard characters.count >= 6 else { return 0 }
        var digitCount = 0
        var letters = 0
        for character in characters {
            if character.isASCII, character.isNumber {
                digitCount += 1
            } else if digits[character] != nil {
                letters += 1
            } else if !"-/.".contains(character) {
                return 0
            }
        }
        return digitCount * 2 >= characters.count ? letters : 0
    }
}
