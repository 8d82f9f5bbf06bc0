/// Why a symbol whose Reed–Solomon blocks were fine still yields no payload.
public enum StreamProblem: String, Sendable, Equatable, Codable, CaseIterable {
    /// The mask number was not 0…7.
    case invalidMask = "invalid-mask"
    /// A 4-bit mode indicator that ISO/IEC 18004 does not define (Hanzi 1101 included).
    case invalidModeIndicator = "invalid-mode-indicator"
    /// A character count asks for more bits than the stream holds.
    case truncatedSegment = "truncated-segment"
    /// A numeric group decodes above 999 (or 99 / 9 for a short final group).
    case invalidNumeric = "invalid-numeric"
    /// An alphanumeric pair decodes above 45² − 1 (or a single character above 44).
    case invalidAlphanumeric = "invalid-alphanumeric"
    /// A 13-bit Kanji value whose low part exceeds 0xBC, so it maps to no Shift JIS code.
    case invalidKanji = "invalid-kanji"
    /// An ECI designator with an undefined first-byte prefix or a value above 999999.
    case invalidECI = "invalid-eci"
}
