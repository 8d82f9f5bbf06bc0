/// The one masking of personal data taken from a payload: every output that shows such text (reports in every
/// format, `decode`, finding messages, the register) gets it from here, so no output can mask less than another.
///
/// `mask(_:as:)` first applies the guidance's on-screen mask of the field the text came from (`PersonalDataMask`:
/// `******029317`, `1987-**-**`, all but the last 3 characters of phone and insurance number), then scrubs whatever
/// still looks personal wherever it ended up (`PersonalDataScrubber`): dates, 15-character insurance numbers and
/// any run of 9 or more ASCII digits, whatever its length and whatever surrounds it. The field mask alone would not
/// do: a crafted or damaged payload moves values into other fields, runs them together (a numeric-mode code holding
/// an ID number, a birth date and a phone as 28 digits) or glues them to letters (structured-append copies, one
/// signature's last letters running into the next copy's ID number).
///
/// ```swift
/// PayloadMasking.mask("001093029317", as: .idNumber)      // "******029317"
/// PayloadMasking.mask("0010930293171987011809447137")     // "*************************137"
/// ```
public enum PayloadMasking {
    /// Which field a text came from, so its own mask applies before the scrub.
    public enum Field: Sendable, Equatable {
        case idNumber, birthDate, insuranceNumber, phone
        /// Any other field, a whole payload, or a value from a payload of unknown shape.
        case other
    }

    /// The text as any output may show it.
    public static func mask(_ text: String, as field: Field = .other) -> String {
        PersonalDataScrubber.scrub(fieldMask(text, field))
    }

    /// A whole payload as `decode` and reports show it: for a 6-field personal QR payload, its ID number, birth
    /// date, insurance number and phone masked in place; then, whatever its shape, the whole text masked as
    /// `.other`. Nil when the bytes are not UTF-8 (there is no text to show).
    public static func maskedText(_ bytes: [UInt8]) -> String? {
        let parse = PayloadParse(bytes: bytes)
        guard parse.isValidUTF8 else { return nil }
        guard let payload = parse.payload else { return mask(String(decoding: bytes, as: UTF8.self)) }
        let fields: [(PayloadField?, Field)] = [
            (payload.soGiayTo, .idNumber), (payload.ngaySinh, .birthDate),
            (payload.insuranceNumber, .insuranceNumber), (payload.phone, .phone),
        ]
        var out = bytes
        for (field, kind) in fields.compactMap({ f, k in f.map { ($0, k) } }).sorted(by: {
            $0.0.range.lowerBound > $1.0.range.lowerBound
        }) {
            guard !field.isEmpty, field.range.upperBound <= out.count else { continue }
            out.replaceSubrange(field.range, with: Array(fieldMask(field.text, kind).utf8))
        }
        return mask(String(decoding: out, as: UTF8.self))
    }

    /// The field's own mask only; the caller scrubs the whole text once it is put together.
    private static func fieldMask(_ text: String, _ field: Field) -> String {
        switch field {
        case .idNumber: PersonalDataMask.idNumber(text)
        case .birthDate: PersonalDataMask.birthDate(text)
        case .insuranceNumber, .phone: PersonalDataMask.lastThree(text)
        case .other: text
        }
    }
}
