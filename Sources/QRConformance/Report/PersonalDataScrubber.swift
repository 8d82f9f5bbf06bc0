/// Masks whatever looks like personal data in text taken from a payload, whichever field it ended up in; reached
/// only through `PayloadMasking.mask`, the one masking function.
///
/// The field masks (`PersonalDataMask`) rely on the payload's shape; a crafted or damaged payload moves values into
/// other fields (an extra `<` puts the phone in the signature slot), runs them together or glues them to letters.
/// In order:
/// 1. dates `YYYY-MM-DD` and `DD/MM/YYYY` (day and month), between characters that are not ASCII letters or digits;
/// 2. runs of ASCII letters and digits between such characters: 12 digits (all but the last 6, as the ID number is
///    masked on screen), 9 or 10 digits (all but the last 3), 15 characters with at least 10 digits (an insurance
///    number: all but the last 3);
/// 3. every run of 9 or more ASCII digits still standing, whatever its length and whatever is around it (letters
///    included): all but the last 3. A run can hide several values (`0010930293171987011809447137`) or run into a
///    signature (`...VaA001093029317`); no length and no neighbour makes it safe to show.
///
/// Steps 1 and 2 keep the masks of well-formed values as they always were; step 3 leaves no long digit run behind.
///
/// ```swift
/// PersonalDataScrubber.scrub("<1<<0944713700")  // "<1<<*******700"
/// PersonalDataScrubber.scrub("VaA001093029317")  // "VaA*********317"
/// ```
enum PersonalDataScrubber {
    /// The shortest digit run that is masked wherever it stands.
    static let longDigitRun = 9

    static func scrub(_ text: String) -> String {
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
        maskLongDigitRuns(&characters)
        return String(characters)
    }

    /// Step 3: every run of `longDigitRun` or more ASCII digits, all but its last 3.
    private static func maskLongDigitRuns(_ characters: inout [Character]) {
        for run in Character.digitRuns(characters) where run.count >= longDigitRun {
            for index in run.lowerBound..<run.upperBound - 3 { characters[index] = "*" }
        }
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
