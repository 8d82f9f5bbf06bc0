/// Masks whatever looks like personal data in text taken from a payload, whichever field it ended up in.
///
/// The field masks (`PersonalDataMask`) rely on the payload's shape; a crafted or damaged payload moves values into
/// other fields (an extra `<` puts the phone in the signature slot), so every payload-derived string a report or
/// `decode` shows also passes through here: ASCII digit runs of 12 (all but the last 6), 9 or 10 (all but the last
/// 3), 15-character runs of letters and at least 10 digits (all but the last 3), and dates `YYYY-MM-DD` and
/// `DD/MM/YYYY` (day and month). A run counts only between characters that are not ASCII letters or digits.
///
/// ```swift
/// PersonalDataScrubber.scrub("<1<<0944713700")  // "<1<<*******700"
/// ```
public enum PersonalDataScrubber {
    public static func scrub(_ text: String) -> String {
        var characters = Array(text)
        maskDates(&characters)
        var start = 0
        while start < characters.count {
            guard isAlphanumeric(characters[start]) else {
                start += 1
                continue
            }
            var end = start
            while end < characters.count, isAlphanumeric(characters[end]) { end += 1 }
            let run = characters[start..<end]
            let digits = run.filter(\.isASCIIDigit).count
            let kept: Int? =
                switch (run.count, digits == run.count) {
                case (12, true): 6
                case (9, true), (10, true): 3
                case (15, _) where digits >= 10: 3
                default: nil
                }
            if let kept {
                for index in start..<end - kept { characters[index] = "*" }
            }
            start = end
        }
        return String(characters)
    }

    /// `YYYY-MM-DD` → `YYYY-**-**`, `DD/MM/YYYY` → `**/**/YYYY`.
    private static func maskDates(_ characters: inout [Character]) {
        let patterns: [(shape: String, hidden: [Int])] = [("dddd-dd-dd", [5, 6, 8, 9]), ("dd/dd/dddd", [0, 1, 3, 4])]
        guard characters.count >= 10 else { return }
        for start in 0...(characters.count - 10) {
            let before = start == 0 || !isAlphanumeric(characters[start - 1])
            let after = start + 10 == characters.count || !isAlphanumeric(characters[start + 10])
            guard before, after else { continue }
            for (shape, hidden) in patterns
            where zip(shape, characters[start..<start + 10]).allSatisfy({
                $0 == "d" ? $1.isASCIIDigit : $0 == $1
            }) {
                for offset in hidden { characters[start + offset] = "*" }
            }
        }
    }

    private static func isAlphanumeric(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber)
    }
}
