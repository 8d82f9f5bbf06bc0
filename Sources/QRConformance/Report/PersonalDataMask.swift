/// The masks applied to personal data in reports: the display rules of the guidance, applied to report text.
public enum PersonalDataMask {
    /// The ID number with its first 6 characters as `*`; 6 or fewer characters keep only the last one.
    public static func idNumber(_ text: String) -> String {
        let characters = Array(text)
        let hidden = characters.count > 6 ? 6 : max(0, characters.count - 1)
        return String(repeating: "*", count: hidden) + String(characters.dropFirst(hidden))
    }

    /// A birth date as `YYYY-**-**`; anything not shaped like a date is masked entirely.
    public static func birthDate(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let shaped =
            bytes.count == 10 && bytes[4] == 0x2D && bytes[7] == 0x2D && bytes[0..<4].allSatisfy(RuleText.isDigit)
        return shaped ? String(decoding: bytes[0..<4], as: UTF8.self) + "-**-**" : allMasked(text)
    }

    /// All but the last 3 characters as `*` (phone and insurance numbers).
    public static func lastThree(_ text: String) -> String {
        let characters = Array(text)
        let hidden = max(0, characters.count - 3)
        return String(repeating: "*", count: hidden) + String(characters.dropFirst(hidden))
    }

    /// Every character as `*`.
    public static func allMasked(_ text: String) -> String {
        String(repeating: "*", count: text.count)
    }
}
