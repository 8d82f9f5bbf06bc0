import QRSymbol
import QRText

/// The words OCR read from a screenshot, grouped into lines, with the confidence needed to judge absences.
public struct ScreenText: Sendable, Equatable {
    public let words: [RecognizedWord]
    public let lines: [ScreenLine]

    public init(words: [RecognizedWord]) {
        self.words = words
        lines = TextLines.group(words).map(ScreenLine.init(words:))
    }

    /// The median height of the words with a letter or digit, in pixels; nil when there are none.
    public var medianWordHeight: Int? {
        let heights = words.filter { $0.text.contains { $0.isLetter || $0.isNumber } }.map {
            $0.box.bottom - $0.box.top
        }
        .sorted()
        return heights.isEmpty ? nil : heights[heights.count / 2]
    }

    /// The median contrast of the words whose contrast was measured; nil when none was.
    public var medianWordContrast: Double? {
        let values = words.compactMap(\.contrast).sorted()
        return values.isEmpty ? nil : values[values.count / 2]
    }

    /// This text when its median word is at least `minimumHeight` pixels high, else no text at all: a screen drawn
    /// that small is not judged (single boxes are unreliable, re-read lines come back taller, so the median decides).
    public func legible(minimumHeight: Int) -> ScreenText {
        (medianWordHeight ?? 0) >= minimumHeight ? self : ScreenText(words: [])
    }
}
