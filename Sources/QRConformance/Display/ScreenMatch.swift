import QRSymbol
import QRText

/// Where a value was read on the screen: the line, the normalized characters, the tolerances used.
public struct ScreenMatch: Sendable, Equatable {
    public let line: Int
    let range: Range<Int>
    /// The text as read, with personal digits hidden (`*` as the report masks, `#` for other hidden digits).
    public let shown: String
    public let tolerances: Set<OCRTolerance>
    /// The box of the words the match rests on, for report overlays.
    public let box: RecognizedWord.Box?

    /// `evidence.where`: `screen text line 3 at x 60–512, y 700–742`.
    public var location: String {
        let base = "screen text line \(line + 1)"
        guard let box else { return base }
        return base + " at x \(box.left)–\(box.right), y \(box.top)–\(box.bottom)"
    }
}

/// A token shaped like a masked ID number: mask characters, then a trailing part of the real number.
public struct MaskedIDCandidate: Sendable, Equatable {
    public let match: ScreenMatch
    /// The characters before the digits, as read (digits in it hidden as `#`).
    public let mask: String
    /// How many digits follow the mask.
    public let digitCount: Int
}

/// A token shaped like the birth date with the right year: the day and month parts as read.
public struct DateCandidate: Sendable, Equatable {
    public let match: ScreenMatch
    public let month: String
    public let day: String
    /// Whether the day and month are both the real ones.
    public let isFull: Bool
}
