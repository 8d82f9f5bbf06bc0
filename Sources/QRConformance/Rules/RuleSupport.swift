import Foundation

/// Small helpers shared by rule implementations: payload access, number and text formatting.
extension RuleContext {
    /// The six named fields, or nil when the payload is missing or malformed.
    var fields: PersonalQRPayload? { payload?.payload }

    /// What every field rule gives when the payload does not split into six fields: PAY-002 fails instead.
    static let notSixFields = RuleResult.notApplicable("the payload does not have 6 fields (see PAY-002)")
}

/// Formatting that does not depend on the locale, so messages are byte-identical everywhere.
enum RuleText {
    /// A number with a fixed count of decimals, e.g. `0.62`.
    static func decimal(_ value: Double, _ places: Int) -> String {
        guard value.isFinite else { return String(describing: value) }
        return String(format: "%.\(places)f", locale: Locale(identifier: "en_US_POSIX"), value)
    }

    /// A payload value for a message, masked (`PayloadMasking`: finding messages never show personal data, since a
    /// crafted payload can put an ID number in any field), then shortened to 24 characters.
    static func quoted(_ text: String) -> String {
        let masked = PayloadMasking.mask(text)
        return masked.count > 24 ? "'\(masked.prefix(24))…'" : "'\(masked)'"
    }

    /// A character for a message, with its code point when it is not printable ASCII: `'ễ' (U+1EC5)`.
    static func character(_ character: Character) -> String {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first, scalar.value >= 0x20, scalar.value < 0x7F {
            return "'\(character)'"
        }
        let codes = scalars.map { scalar -> String in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        let shown = scalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.generalCategory == .nonspacingMark
        }
        return shown ? "'\(character)' (\(codes.joined(separator: " ")))" : codes.joined(separator: " ")
    }

    /// A byte as `0x1F`.
    static func byte(_ value: UInt8) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "0x" + (value < 16 ? "0" + hex : hex)
    }

    /// Whether a byte is an ASCII digit.
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Whether a byte is an ASCII uppercase letter.
    static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    /// Whether a byte is an ASCII letter of either case.
    static func isLetter(_ byte: UInt8) -> Bool { isUpper(byte) || (byte >= 0x61 && byte <= 0x7A) }
}

extension Measured {
    /// What would make a missing measurement available.
    static var remedy: String {
        "send the screenshot at the device's full resolution, unscaled and uncompressed, with the whole code and "
            + "its quiet zone on screen"
    }

    /// The inconclusive result a rule reports when this measurement is missing: `<what> unavailable: <reason>`.
    func inconclusive(_ what: String) -> RuleResult {
        if case .unavailable(let reason) = self {
            return .inconclusive("\(what) unavailable: \(reason)", remedy: Self.remedy)
        }
        return .inconclusive("\(what) unavailable", remedy: Self.remedy)
    }
}

extension RuleResult {
    /// Symbol rules on an image without a symbol: SYM-001 fails instead.
    static let noSymbol = RuleResult.notApplicable("no QR code was read from the image (see SYM-001)")

    /// A rule of the spec that this build has no implementation of.
    static func notImplemented(_ id: String) -> RuleResult {
        .inconclusive("\(id) is not implemented in this build", remedy: "use a qrconform build that implements \(id)")
    }
}
