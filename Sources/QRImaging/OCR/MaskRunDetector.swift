import QRSymbol

/// Finds text lines that start with a run of `*`, from the pixels alone.
///
/// Tesseract drops or garbles a line that begins with asterisks (`******029317` alone on its line), which would
/// make a conformant masked display look absent. An asterisk is a small glyph in the upper part of the line,
/// unlike digits, which span the line: counting those blobs gives the mask, and only the digits after them are
/// left to tesseract.
enum MaskRunDetector {
    /// A line without recognized words that begins with `count` asterisk-like glyphs; `digits` is where the
    /// full-height glyphs after them lie (to be read by tesseract).
    struct MaskedLine: Equatable {
        let count: Int
        let line: RecognizedWord.Box
        /// From the right edge of the last asterisk to the end of the line: what tesseract reads.
        let digits: RecognizedWord.Box
    }

    /// Luma below this is ink (the OCR image is dark text on a light background after preparation).
    static let ink: UInt8 = 128
    static let minimumLineHeight = 12
    static let maximumLineHeight = 160
    static let maximumComponents = 400

    /// Lines whose first glyphs (from the left edge of the screen) are at least 3 asterisks, then full glyphs.
    static func maskedLines(in pixels: [UInt8], width: Int, height: Int) -> [MaskedLine] {
        guard width > 0, height > 0, pixels.count == width * height else { return [] }
        return bands(pixels, width: width, height: height).compactMap { maskedLine(pixels, width: width, rows: $0) }
    }

    /// Runs of rows that hold ink, of a plausible text height.
    static func bands(_ pixels: [UInt8], width: Int, height: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start: Int?
        for y in 0...height {
            let inked = y < height && (0..<width).contains { pixels[y * width + $0] < ink }
            if inked, start == nil { start = y }
            if !inked, let first = start {
                if (minimumLineHeight...maximumLineHeight).contains(y - first) { result.append(first..<y) }
                start = nil
            }
        }
        return result
    }

    /// The mask run at the start of the band, if its glyphs read as `count` asterisks then at least 3 full glyphs.
    static func maskedLine(_ pixels: [UInt8], width: Int, rows: Range<Int>) -> MaskedLine? {
        let glyphs = components(pixels, width: width, rows: rows)
        guard glyphs.count >= 6, glyphs.count <= maximumComponents else { return nil }
        guard let tallest = glyphs.map(\.height).max(), tallest >= minimumLineHeight else { return nil }
        let top = glyphs.map(\.box.top).min() ?? rows.lowerBound
        func isFull(_ g: Glyph) -> Bool { g.height * 10 >= tallest * 7 }
        // An asterisk hangs from the top of the line (a bullet floats mid-line, an x sits on the baseline), is
        // about 0.6 of the digit height, and is thin-armed: well under half its box is ink (a bullet is a disk).
        func isStar(_ g: Glyph) -> Bool {
            g.height * 10 <= tallest * 7 && g.height * 10 >= tallest * 4 && (g.box.top - top) * 10 <= tallest
                && g.width * 2 <= g.height * 3 && g.height * 2 <= g.width * 3 && g.ink * 10 <= g.width * g.height * 6
        }
        var index = 0
        while index < glyphs.count, isStar(glyphs[index]) { index += 1 }
        let count = index
        let rest = glyphs[index...]
        guard count >= 3, rest.prefix(3).count == 3, rest.prefix(3).allSatisfy(isFull) else { return nil }
        let first = rest[rest.startIndex]
        let lineBox = RecognizedWord.Box(
            left: glyphs[0].box.left, top: top, right: glyphs.map(\.box.right).max() ?? first.box.right,
            bottom: glyphs.map(\.box.bottom).max() ?? rows.upperBound)
        let digits = RecognizedWord.Box(
            left: glyphs[count - 1].box.right, top: lineBox.top, right: lineBox.right, bottom: lineBox.bottom)
        return MaskedLine(count: count, line: lineBox, digits: digits)
    }

    struct Glyph {
        var box: RecognizedWord.Box
        /// Ink pixels in the blob.
        var ink: Int
        var width: Int { box.right - box.left }
        var height: Int { box.bottom - box.top }
    }

    /// Connected ink blobs of the band (8-connected), left to right; blobs that overlap horizontally are merged
    /// (a glyph drawn in two pieces). Boxes are right- and bottom-exclusive.
    static func components(_ pixels: [UInt8], width: Int, rows: Range<Int>) -> [Glyph] {
        let h = rows.count
        var seen = [Bool](repeating: false, count: width * h)
        var glyphs: [Glyph] = []
        var stack: [Int] = []
        for start in 0..<(width * h) where !seen[start] && pixels[rows.lowerBound * width + start] < Self.ink {
            seen[start] = true
            stack.append(start)
            var left = width, right = 0, top = h, bottom = 0, inked = 0
            while let p = stack.popLast() {
                inked += 1
                let x = p % width, y = p / width
                left = min(left, x); right = max(right, x + 1); top = min(top, y); bottom = max(bottom, y + 1)
                for dy in -1...1 {
                    for dx in -1...1 {
                        let nx = x + dx, ny = y + dy
                        guard nx >= 0, ny >= 0, nx < width, ny < h else { continue }
                        let q = ny * width + nx
                        if !seen[q] && pixels[rows.lowerBound * width + q] < Self.ink {
                            seen[q] = true
                            stack.append(q)
                        }
                    }
                }
            }
            if glyphs.count > maximumComponents { return glyphs }
            glyphs.append(Glyph(
                box: .init(left: left, top: top + rows.lowerBound, right: right, bottom: bottom + rows.lowerBound),
                ink: inked))
        }
        glyphs.sort { $0.box.left < $1.box.left }
        var merged: [Glyph] = []
        for glyph in glyphs {
            if let last = merged.last, glyph.box.left < last.box.right {
                merged[merged.count - 1].box = .init(
                    left: last.box.left, top: min(last.box.top, glyph.box.top), right: max(last.box.right, glyph.box.right),
                    bottom: max(last.box.bottom, glyph.box.bottom))
                merged[merged.count - 1].ink += glyph.ink
            } else {
                merged.append(glyph)
            }
        }
        return merged
    }
}
