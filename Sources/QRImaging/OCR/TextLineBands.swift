import QRSymbol

/// Groups words into horizontal bands (lines) by their vertical centres; used to pick lines to read again.
enum TextLineBands {
    struct Line {
        var words: [RecognizedWord]
        var top: Int
        var bottom: Int
    }

    /// Lines top to bottom; a word joins a line when its vertical centre lies within the line's band.
    static func group(_ words: [RecognizedWord]) -> [Line] {
        let sorted = words.sorted { $0.box.top + $0.box.bottom < $1.box.top + $1.box.bottom }
        var lines: [Line] = []
        for word in sorted {
            let centre = (word.box.top + word.box.bottom) / 2
            if let last = lines.indices.last, centre >= lines[last].top, centre <= lines[last].bottom {
                lines[last].words.append(word)
                lines[last].top = min(lines[last].top, word.box.top)
                lines[last].bottom = max(lines[last].bottom, word.box.bottom)
            } else {
                lines.append(Line(words: [word], top: word.box.top, bottom: word.box.bottom))
            }
        }
        return lines.map { line in
            var sortedLine = line
            sortedLine.words.sort { $0.box.left < $1.box.left }
            return sortedLine
        }
    }
}
