import QRSymbol

/// Looks beside a word for a glyph that neither OCR nor the line finder accounted for: a mask's first stars joined to a
/// background stripe's shape, so the line begins after them and the reading `****004512` agrees with the columns left.
///
/// The word's own ink and background set the threshold, so a faint page pattern, far below the word's contrast, is no
/// ink; only glyph ink closer than a letter gap counts, and none inside another word's box.
public enum LostGlyphProbe {
    /// How far beside the word to look, in word-box heights: a gap between letters of one word, under a word space.
    static let reachQuarters = 1

    /// Whether ink of the word's polarity stands within reach of its left or right edge, in at least two columns of the
    /// middle three fifths of its rows (no accent or descender of a line above or below reaches there) that hold no ink
    /// just above or below the word's box.
    public static func inkBeside(
        _ box: RecognizedWord.Box, polarity: TextRegion.Polarity, in image: GrayImage, others: [RecognizedWord.Box]
    ) -> Bool {
        let width = image.width
        let left = max(0, box.left)
        let right = min(width, box.right)
        let top = max(0, box.top + box.height / 5)
        let bottom = min(image.height, box.bottom - box.height / 5)
        guard right > left, bottom - top >= 3 else { return false }
        // The word's darkest and lightest tenth: its ink and its background, whichever the polarity.
        var histogram = [Int](repeating: 0, count: 256)
        for y in top..<bottom {
            for x in left..<right { histogram[Int(image.pixels[y * width + x])] += 1 }
        }
        let total = (right - left) * (bottom - top)
        func level(_ fraction: Int) -> Int {
            var seen = 0
            for value in 0..<256 {
                seen += histogram[value]
                if seen * 10 >= total * fraction { return value }
            }
            return 255
        }
        let dark = level(1)
        let light = level(9)
        guard light - dark >= TextRegionFinder.Settings().minimumInkDelta else { return false }
        // A quarter of the word's contrast from its background: a thin light star is far fainter than the digits
        // after it, and a page's pattern (under twice the ink threshold from the page, see `BackgroundPattern`) stays
        // fainter than a quarter of a legible word's contrast.
        let threshold = polarity == .dark ? light - (light - dark) / 4 : dark + (light - dark) / 4
        let reach = max(3, box.height * reachQuarters / 4)
        let needed = 2
        let band = others.filter { $0.overlapHeight(box) > 0 }
        let isInk = { (x: Int, y: Int) -> Bool in
            let value = Int(image.pixels[y * width + x])
            return polarity == .dark ? value < threshold : value > threshold
        }
        // Rows just above and below the word's box: a shape inked there too crosses the line (a page's stripe, a
        // divider), where a glyph of the line does not.
        let margin = max(2, box.height / 4)
        let outside =
            Array(max(0, box.top - margin)..<max(0, box.top))
            + Array(min(image.height, max(0, box.bottom))..<min(image.height, max(0, box.bottom + margin)))
        func inked(_ columns: Range<Int>) -> Int {
            var count = 0
            for x in columns where x >= 0 && x < width {
                guard !band.contains(where: { x >= $0.left && x < $0.right }),
                    !outside.contains(where: { isInk(x, $0) })
                else { continue }
                var ink = 0
                for y in top..<bottom where isInk(x, y) { ink += 1 }
                if ink >= needed { count += 1 }
            }
            return count
        }
        // One pixel of margin: the word's own anti-aliased edge is no glyph beside it.
        return inked((box.left - 1 - reach)..<(box.left - 1)) >= 2
            || inked((box.right + 1)..<(box.right + 1 + reach)) >= 2
    }
}
