/// Letters OCR reads for a digit in some faces and weights (a bold `0` as `U`, `2` as `Z`, `5` as `S`, a monospaced
/// face's slashed or dotted `0` as `Ø` or `θ`).
public enum DigitLookAlike {
    /// Letters OCR reads for a zero, beside digits read as one (their reading names the tolerance).
    public static let letterZeros: Set<Character> = ["O", "o"]
    /// A monospaced face's slashed or dotted zero (Noto Sans Mono's `2001` read `2ØØ1`).
    public static let slashedZeros: Set<Character> = ["Ø", "ø", "Θ", "θ"]
    /// Letters and signs OCR reads for a one, beside digits read as one.
    public static let letterOnes: Set<Character> = ["l", "I", "|"]

    /// The digit each look-alike letter stands for: the three sets above and looser look-alikes (for the near-miss
    /// search and `misreadLetters`, never to read a value).
    public static let digits: [Character: Character] = {
        var table: [Character: Character] = [
            "U": "0", "u": "0", "D": "0", "Q": "0", "i": "1", "!": "1",
            "Z": "2", "z": "2", "S": "5", "s": "5", "G": "6", "b": "6", "T": "7", "B": "8", "g": "9", "q": "9",
        ]
        for letter in letterZeros.union(slashedZeros) { table[letter] = "0" }
        for letter in letterOnes { table[letter] = "1" }
        return table
    }()

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
