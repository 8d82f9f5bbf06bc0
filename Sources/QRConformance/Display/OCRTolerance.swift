/// A reading of OCR noise the matcher tolerates because it cannot change a verdict; named in the evidence.
public enum OCRTolerance: String, Sendable, Equatable, Hashable, Comparable, CaseIterable {
    case spaceInNumber = "spaces inside the number ignored"
    case letterOAsZero = "'O' read as '0'"
    case slashedZero = "a slashed or dotted zero read as 'Ø' or 'θ'"
    case letterLAsOne = "'l', 'I' or '|' read as '1'"
    case lookAlikeLetter = "letters read for look-alike digits ('U' for '0', 'Z' for '2')"
    case lostDigit = "a digit or two of a long number lost"
    case vowelInName = "one vowel of the name misread (a diacritic read as another vowel)"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// The evidence suffix for a set of tolerances: ` (OCR tolerance: …)`, or empty.
    static func note(_ tolerances: Set<OCRTolerance>) -> String {
        tolerances.isEmpty
            ? "" : " (OCR tolerance: " + tolerances.sorted().map(\.rawValue).joined(separator: ", ") + ")"
    }
}
