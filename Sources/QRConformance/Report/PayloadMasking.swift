/// A whole payload as reports may show it: the ID number, birth date, insurance number and phone masked in place,
/// everything else as encoded.
public enum PayloadMasking {
    /// The masked payload text, or nil when the bytes are not a 6-field personal QR payload in UTF-8 (then the
    /// caller decides; `decode` shows such payloads as they are, since they carry no personal fields it knows).
    public static func maskedText(_ bytes: [UInt8]) -> String? {
        let parse = PayloadParse(bytes: bytes)
        guard parse.isValidUTF8, let payload = parse.payload else { return nil }
        let masks: [(PayloadField?, (String) -> String)] = [
            (payload.soGiayTo, PersonalDataMask.idNumber), (payload.ngaySinh, PersonalDataMask.birthDate),
            (payload.insuranceNumber, PersonalDataMask.lastThree), (payload.phone, PersonalDataMask.lastThree),
        ]
        var out = bytes
        for (field, mask) in masks.compactMap({ f, m in f.map { ($0, m) } }).sorted(by: {
            $0.0.range.lowerBound > $1.0.range.lowerBound
        }) {
            guard !field.isEmpty, field.range.upperBound <= out.count else { continue }
            out.replaceSubrange(field.range, with: Array(mask(field.text).utf8))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
