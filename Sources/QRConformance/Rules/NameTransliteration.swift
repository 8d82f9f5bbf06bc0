import Foundation

/// The diacritic-free uppercase form of Vietnamese text (Ễ → E, Đ → D), used to tell vendors what to write.
enum NameTransliteration {
    /// One character's plain form: uppercase A–Z letters without marks; empty when nothing remains.
    static func plain(_ character: Character) -> String {
        if character == "Đ" || character == "đ" { return "D" }
        let decomposed = String(character).decomposedStringWithCanonicalMapping
        let base = decomposed.unicodeScalars.filter { !(0x0300...0x036F).contains($0.value) }
        let upper = String(String.UnicodeScalarView(base)).uppercased()
        return upper.allSatisfy { $0.isASCII && $0.isLetter } ? upper : ""
    }

    /// The whole name in the payload's form: uppercase A–Z words separated by single spaces.
    static func suggestedName(_ text: String) -> String {
        let mapped = text.map { character -> String in
            let plain = plain(character)
            return plain.isEmpty ? " " : plain
        }.joined()
        return mapped.split(separator: " ").joined(separator: " ")
    }
}
