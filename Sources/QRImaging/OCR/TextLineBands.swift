import QRSymbol

/// The lines of `TextLines.group` with their vertical bands, to pick lines to read again.
enum TextLineBands {
    struct Line {
        var words: [RecognizedWord]
        var top: Int
        var bottom: Int
    }

    /// Lines top to bottom, each with the band its words span.
    static func group(_ words: [RecognizedWord]) -> [Line] {
        TextLines.group(words).map { line in
            Line(
                words: line, top: line.map(\.box.top).min() ?? 0, bottom: line.map(\.box.bottom).max() ?? 0)
        }
    }
}
