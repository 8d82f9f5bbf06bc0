import QRSymbol
/// Groups OCR words into lines by their vertical centres, top to bottom, each line left to right.
///
/// The one grouper: the reader uses it to pick lines to read again and the display rules to judge them, so both
/// see the same lines.
public enum TextLines {
    /// A word taller than this many median word heights is not text (a card's edge read as `|`): it stands on a line
    /// of its own and never stretches a line's band over the lines beside it.
    public static let outlierHeightFactor = 3

    /// Lines top to bottom; a word joins a line when its vertical centre lies within the line's band so far.
    public static func group(_ words: [RecognizedWord]) -> [[RecognizedWord]] {
        let heights = words.map(\.box.height).filter { $0 > 0 }.sorted()
        let median = heights.isEmpty ? Int.max : heights[heights.count / 2]
        let limit = median.multipliedReportingOverflow(by: outlierHeightFactor)
        let tallest = limit.overflow ? Int.max : limit.partialValue
        let sorted = words.sorted {
            ($0.box.top + $0.box.bottom, $0.box.left) < ($1.box.top + $1.box.bottom, $1.box.left)
        }
        var lines: [[RecognizedWord]] = []
        var outliers: [[RecognizedWord]] = []
        var band: (top: Int, bottom: Int)?
        for word in sorted {
            guard word.box.height <= tallest else {
                outliers.append([word])
                continue
            }
            let centre = (word.box.top + word.box.bottom) / 2
            if let current = band, centre >= current.top, centre <= current.bottom, !lines.isEmpty {
                lines[lines.count - 1].append(word)
                band = (min(current.top, word.box.top), max(current.bottom, word.box.bottom))
            } else {
                lines.append([word])
                band = (word.box.top, word.box.bottom)
            }
        }
        // Every line keyed by the centre of the word that opened it, which is the order lines were opened in.
        let key = { (line: [RecognizedWord]) in line.first.map { $0.box.top + $0.box.bottom } ?? 0 }
        var ordered: [[RecognizedWord]] = []
        var remaining = outliers[...]
        for line in lines {
            while let outlier = remaining.first, key(outlier) < key(line) {
                ordered.append(outlier)
                remaining = remaining.dropFirst()
            }
            ordered.append(line)
        }
        ordered += remaining
        return ordered.map { $0.sorted { $0.box.left < $1.box.left } }
    }
}
