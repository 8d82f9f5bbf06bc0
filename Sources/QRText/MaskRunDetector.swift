import Foundation
import QRSymbol
/// Finds text lines that start with a run of `*`, from the pixels alone.
///
/// Tesseract drops or garbles a line that begins with asterisks (`******029317` alone on its line), which would
/// make a conformant masked display look absent. An asterisk is a small glyph in the upper part of the line,
/// unlike digits, which span the line: counting those blobs gives the mask, and only the digits after them are
/// left to tesseract.
public enum MaskRunDetector {
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
    /// The fewest arms an asterisk shows (`arms(of:)`); a letter or digit of its size shows at most four.
    static let asteriskArms = 5

    /// Lines whose first glyphs (from the left edge of the screen) are at least 3 asterisks, then full glyphs.
    static func maskedLines(in pixels: [UInt8], width: Int, height: Int) -> [MaskedLine] {
        guard width > 0, height > 0, pixels.count == width * height else { return [] }
        return bands(pixels, width: width, height: height).compactMap { maskedLine(pixels, width: width, rows: $0) }
    }

    /// Runs of rows that hold ink, of a plausible text height. A run is cut where rows hold little ink, and that
    /// in a narrow span: an icon beside a label and its value inks the rows between them.
    static func bands(_ pixels: [UInt8], width: Int, height: Int) -> [Range<Int>] {
        var rows: [InkRow] = []
        rows.reserveCapacity(height)
        for y in 0..<height {
            var row = InkRow(count: 0, left: width, right: 0)
            for x in 0..<width where pixels[y * width + x] < ink {
                row.count += 1
                row.left = min(row.left, x)
                row.right = x + 1
            }
            rows.append(row)
        }
        var runs: [Range<Int>] = []
        var start: Int?
        for y in 0...height {
            let inked = y < height && rows[y].count > 0
            if inked, start == nil { start = y }
            if !inked, let first = start {
                runs.append(first..<y)
                start = nil
            }
        }
        return runs.flatMap { cut($0, rows: rows) }.filter {
            (minimumLineHeight...maximumLineHeight).contains($0.count)
        }
    }

    /// A row's ink: how many pixels, and from which column to which.
    struct InkRow {
        var count: Int
        var left: Int
        var right: Int
    }

    /// A run of inked rows cut at each stretch of sparse rows (under a quarter of the ink of its densest rows, within
    /// a quarter of its width: not the digits under a row of asterisks) with a line's height on either side; sparse
    /// stretches less than half a line apart (an icon's crossbar between them) are one.
    static func cut(_ run: Range<Int>, rows: [InkRow]) -> [Range<Int>] {
        let sorted = run.map { rows[$0].count }.sorted()
        let left = run.map { rows[$0].left }.min() ?? 0
        let right = run.map { rows[$0].right }.max() ?? 0
        guard run.count >= 2 * minimumLineHeight, let dense = sorted.dropFirst(sorted.count * 3 / 4).first else {
            return [run]
        }
        var sparse: [Range<Int>] = []
        for y in run where rows[y].count * 4 < dense && (rows[y].right - rows[y].left) * 4 < right - left {
            if let last = sparse.last, y - last.upperBound < minimumLineHeight / 2 {
                sparse[sparse.count - 1] = last.lowerBound..<(y + 1)
            } else {
                sparse.append(y..<(y + 1))
            }
        }
        var parts: [Range<Int>] = []
        var lower = run.lowerBound
        for stretch in sparse
        where stretch.count >= 2 && stretch.lowerBound - lower >= minimumLineHeight
            && run.upperBound - stretch.upperBound >= minimumLineHeight
        {
            parts.append(lower..<stretch.lowerBound)
            lower = stretch.upperBound
        }
        parts.append(lower..<run.upperBound)
        return parts
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

    /// A value token with asterisks anywhere in it (`******029317`, `1987-**-**`, `**/**/1978`), cut into pieces:
    /// runs of asterisks counted from the pixels, hyphens told by shape, and the other glyphs left to tesseract.
    public struct StarToken: Equatable, Sendable {
        public enum Piece: Equatable, Sendable {
            case stars(Int)
            /// Round solid dots (`•`) standing for hidden characters, a wrong mask the rules must see as such.
            case bullets(Int)
            case hyphen
            case slash
            /// Glyphs to read (digits, `/`), with how many blobs they are.
            case glyphs(RecognizedWord.Box, count: Int)
        }

        public let pieces: [Piece]
        public let box: RecognizedWord.Box
    }

    /// Every token in every text band that holds at least one asterisk: glyphs closer than a word space, so a
    /// label before a value stays out of it.
    /// - Parameter near: when given, only the bands that overlap one of these runs of rows are looked at.
    public static func starTokens(in pixels: [UInt8], width: Int, height: Int, near: [Range<Int>]? = nil)
        -> [StarToken]
    {
        guard width > 0, height > 0, pixels.count == width * height else { return [] }
        let text = withoutTallStrokes(pixels, width: width, height: height)
        return bands(text, width: width, height: height).filter { band in
            near.map { rows in rows.contains { $0.overlaps(band) } } ?? true
        }.flatMap { starTokens(text, width: width, rows: $0) }
    }

    /// The image with vertical ink runs taller than any text line cleared (a card's frame, a divider column), so
    /// the text rows beside them still form their own bands.
    /// Rows are read in order, each column's current run kept aside (a column at a time strides the width).
    static func withoutTallStrokes(_ pixels: [UInt8], width: Int, height: Int) -> [UInt8] {
        var output = pixels
        // For each column, the first row of the ink run it is in, or -1.
        var start = [Int](repeating: -1, count: width)
        for y in 0...height {
            for x in 0..<width {
                let inked = y < height && pixels[y * width + x] < ink
                let first = start[x]
                if inked {
                    if first < 0 { start[x] = y }
                } else if first >= 0 {
                    if y - first > maximumLineHeight { for row in first..<y { output[row * width + x] = 255 } }
                    start[x] = -1
                }
            }
        }
        return output
    }

    static func starTokens(_ pixels: [UInt8], width: Int, rows: Range<Int>) -> [StarToken] {
        let blobs = components(pixels, width: width, rows: rows)
        guard blobs.count >= 2, blobs.count <= maximumComponents else { return [] }
        let tallest = lineHeight(blobs.map(\.height))
        guard tallest >= minimumLineHeight else { return [] }
        let top = blobs.map(\.box.top).min() ?? rows.lowerBound
        let bottom = blobs.map(\.box.bottom).max() ?? rows.upperBound
        // Asterisks hang from the cap height: the band's top, unless Vietnamese accents above capitals overshoot it,
        // hence also the first quartile of the full-height glyphs' tops (x-height letters with descenders start lower).
        let tops = blobs.filter { $0.height * 10 >= tallest * 7 }.map(\.box.top).sorted()
        let capTop = tops.isEmpty ? top : tops[tops.count / 4]
        func isStar(_ g: Glyph) -> Bool {
            g.height * 10 <= tallest * 7 && g.height * 3 >= tallest
                && ((g.box.top - top) * 10 <= tallest || abs(g.box.top - capTop) * 10 <= tallest)
                && g.width * 2 <= g.height * 3 && g.height * 2 <= g.width * 3 && g.ink * 10 <= g.width * g.height * 6
        }
        // The baseline: where most full-height glyphs end (descenders are fewer); nil without full-height glyphs.
        let bottoms = blobs.filter { $0.height * 10 >= tallest * 7 }.map(\.box.bottom).sorted()
        let baseline = bottoms.isEmpty ? nil : bottoms[bottoms.count / 2]
        // A bullet: solid and round, floating mid-line, smaller than the digits. A dot sitting on the baseline is a
        // full stop or a dotted leader (`Số CMND ........ 0315…`), not a bullet: a bullet ends at least 12 % of the
        // digit height above it in every face measured (Lato Bold; most 28–37 %), a full stop within 1 %.
        func isBullet(_ g: Glyph) -> Bool {
            g.height * 10 <= tallest * 6 && g.height * 10 >= tallest * 2 && g.width * 3 <= g.height * 4
                && g.height * 3 <= g.width * 4 && g.ink * 10 >= g.width * g.height * 6
                && (g.box.top - top) * 10 >= tallest * 2
                && baseline.map { $0 - g.box.bottom >= max(1, tallest * 6 / 100) } ?? true
        }
        func isMask(_ g: Glyph) -> Bool { isStar(g) || isBullet(g) }
        // Asterisks drawn edge to edge (a bold face) touch and form one blob: split it when every piece is a star.
        let glyphs = blobs.flatMap { blob -> [Glyph] in
            guard let pieces = starRun(blob, pixels: pixels, width: width), pieces.allSatisfy(isStar)
            else { return [blob] }
            return pieces
        }
        guard glyphs.count >= 3 else { return [] }
        // A hyphen: short and wide, in the middle of the line.
        func isHyphen(_ g: Glyph) -> Bool {
            g.height * 4 <= tallest && g.width >= g.height * 2 && g.width * 2 <= tallest * 2
                && (g.box.top - top) * 10 >= tallest * 3 && (bottom - g.box.bottom) * 10 >= tallest * 2
        }
        // A slash: tall and narrow, its ink in the top-right and bottom-left quarters.
        func isSlash(_ g: Glyph) -> Bool {
            guard g.height * 10 >= tallest * 8, g.width * 2 <= g.height, g.width >= 2 else { return false }
            var rising = 0
            var falling = 0
            let midX = (g.box.left + g.box.right) / 2
            let midY = (g.box.top + g.box.bottom) / 2
            for y in g.box.top..<g.box.bottom {
                for x in g.box.left..<g.box.right where pixels[y * width + x] < ink {
                    if (x >= midX) == (y < midY) { rising += 1 } else { falling += 1 }
                }
            }
            return rising >= falling * 3
        }
        // A token grows from each run of asterisks: rightwards over any glyph closer than a wide gap (narrow digits
        // such as `1` leave gaps as wide as a word space), leftwards only over a date's `-` or `/` and the year
        // before it, so a label before an ID number stays out.
        let isSign = { (g: Glyph) in isHyphen(g) || isSlash(g) }
        func close(_ a: Glyph, _ b: Glyph) -> Bool { (b.box.left - a.box.right) * 10 <= tallest * 8 }
        var tokens: [[Glyph]] = []
        var index = 0
        while index < glyphs.count {
            guard isMask(glyphs[index]) else {
                index += 1
                continue
            }
            var left = index
            while left > 0, close(glyphs[left - 1], glyphs[left]), isMask(glyphs[left - 1]) || isSign(glyphs[left - 1])
            {
                left -= 1
            }
            if isSign(glyphs[left]) {
                var year = 0
                while left > 0, year < 4, close(glyphs[left - 1], glyphs[left]), !isMask(glyphs[left - 1]),
                    !isSign(glyphs[left - 1])
                {
                    left -= 1
                    year += 1
                }
            }
            var right = index
            while right + 1 < glyphs.count, close(glyphs[right], glyphs[right + 1]) { right += 1 }
            tokens.append(Array(glyphs[left...right]))
            index = right + 1
        }
        return tokens.compactMap { token in
            // A star, or two or more bullets: a lone dot-like blob (a full stop, a separator dot) is no mask.
            guard token.contains(where: isStar) || token.filter(isBullet).count >= 2, let first = token.first,
                let last = token.last
            else { return nil }
            // Size and place alone take a bold digit or a capital beside a taller line for an asterisk: most of the
            // token's stars must also show an asterisk's arms (a few small ones blur to four).
            let stars = token.filter(isStar)
            guard stars.filter({ isAsteriskShaped($0, pixels: pixels, width: width) }).count * 2 >= stars.count
            else { return nil }
            var pieces: [StarToken.Piece] = []
            for glyph in token {
                if isStar(glyph) {
                    if case .stars(let n)? = pieces.last {
                        pieces[pieces.count - 1] = .stars(n + 1)
                    } else {
                        pieces.append(.stars(1))
                    }
                } else if isBullet(glyph) {
                    if case .bullets(let n)? = pieces.last {
                        pieces[pieces.count - 1] = .bullets(n + 1)
                    } else {
                        pieces.append(.bullets(1))
                    }
                } else if isHyphen(glyph) {
                    pieces.append(.hyphen)
                } else if isSlash(glyph) {
                    pieces.append(.slash)
                } else if case .glyphs(let box, let n)? = pieces.last {
                    pieces[pieces.count - 1] = .glyphs(
                        .init(
                            left: box.left, top: min(box.top, glyph.box.top), right: glyph.box.right,
                            bottom: max(box.bottom, glyph.box.bottom)), count: n + 1)
                } else {
                    pieces.append(.glyphs(glyph.box, count: 1))
                }
            }
            var box = RecognizedWord.Box(left: first.box.left, top: top, right: last.box.right, bottom: bottom)
            pieces = pieces.map { piece in
                guard case .glyphs(let glyphs, let count) = piece else { return piece }
                let grown = grownAcross(glyphs, band: rows, pixels: pixels, width: width)
                box.top = min(box.top, grown.top)
                box.bottom = max(box.bottom, grown.bottom)
                return .glyphs(grown, count: count)
            }
            return StarToken(pieces: pieces, box: box)
        }
    }

    /// Glyphs that touch the band's edge, grown over the rows beyond it where their columns stay inked, by at most
    /// half their height: a band cut under a table row's smaller label ends at the label's baseline, through the
    /// taller value beside it, and digits cut at their middle read as other digits (`1978` as `4107`).
    static func grownAcross(_ box: RecognizedWord.Box, band: Range<Int>, pixels: [UInt8], width: Int)
        -> RecognizedWord.Box
    {
        let height = pixels.count / max(1, width)
        let reach = box.height / 2
        func inked(_ y: Int) -> Bool { (box.left..<box.right).contains { pixels[y * width + $0] < ink } }
        var grown = box
        if box.bottom == band.upperBound {
            while grown.bottom < min(height, box.bottom + reach), inked(grown.bottom) { grown.bottom += 1 }
        }
        if box.top == band.lowerBound {
            while grown.top > max(0, box.top - reach), inked(grown.top - 1) { grown.top -= 1 }
        }
        return grown
    }

    /// A blob of asterisks that touch, split at their stems (the columns inked over much of the blob's height) when
    /// those are evenly spaced and account for its width; nil when it is no such run.
    static func starRun(_ g: Glyph, pixels: [UInt8], width: Int) -> [Glyph]? {
        guard g.height >= 4, g.width * 2 > g.height * 3 else { return nil }
        var profile = [Int](repeating: 0, count: g.width)
        for y in g.box.top..<g.box.bottom {
            let row = y * width
            for x in g.box.left..<g.box.right where pixels[row + x] < Self.ink { profile[x - g.box.left] += 1 }
        }
        var stems: [Double] = []
        var start: Int?
        for (x, count) in profile.enumerated() {
            let stem = count * 20 >= g.height * 9
            if stem, start == nil { start = x }
            if !stem, let s = start {
                stems.append(Double(s + x - 1) / 2)
                start = nil
            }
        }
        if let s = start { stems.append(Double(s + g.width - 1) / 2) }
        guard stems.count >= 2 else { return nil }
        let gaps = zip(stems.dropFirst(), stems).map { $0 - $1 }
        let pitch = gaps.reduce(0, +) / Double(gaps.count)
        guard pitch >= 2, gaps.allSatisfy({ abs($0 - pitch) * 4 <= pitch }),
            abs(Double(g.width) - pitch * Double(stems.count)) * 2 <= pitch
        else { return nil }
        var cuts = [g.box.left]
        for (a, b) in zip(stems, stems.dropFirst()) { cuts.append(g.box.left + Int(((a + b) / 2).rounded()) + 1) }
        cuts.append(g.box.right)
        return zip(cuts, cuts.dropFirst()).map { left, right in
            let ink = profile[(left - g.box.left)..<(right - g.box.left)].reduce(0, +)
            return Glyph(box: .init(left: left, top: g.box.top, right: right, bottom: g.box.bottom), ink: ink)
        }
    }

    /// The height of a band's digits and capitals: the tallest blob whose height another blob shares (within a
    /// fifteenth), so one Vietnamese letter merged with its neighbour (`ấy`) or an accented capital does not set
    /// it; the tallest blob when no two agree.
    static func lineHeight(_ heights: [Int]) -> Int {
        let sorted = heights.sorted(by: >)
        for (index, height) in sorted.enumerated() {
            let tolerance = max(1, height / 15)
            let agreed = sorted.indices.contains { $0 != index && abs(sorted[$0] - height) <= tolerance }
            if agreed { return height }
        }
        return sorted.first ?? 0
    }

    /// An asterisk's shape: arms from an inked hub at the middle of its box (an `N` or an `X` has the hub, an `O`, a
    /// `V` or a `0` the arms at most).
    static func isAsteriskShaped(_ g: Glyph, pixels: [UInt8], width: Int) -> Bool {
        let centreX = (g.box.left + g.box.right - 1) / 2
        let centreY = (g.box.top + g.box.bottom - 1) / 2
        let hub = (centreY - 1...centreY + 1).contains { y in
            (centreX - 1...centreX + 1).contains { x in
                g.box.contains(x: x, y: y) && pixels[y * width + x] < ink
            }
        }
        return hub && arms(of: g, pixels: pixels, width: width) >= asteriskArms
    }

    /// How many arms leave the glyph's middle: the most ink runs met on rings around its box's centre at a quarter
    /// to 0.4 of its smaller side. An asterisk shows five or six; a digit or a letter of its size at most four
    /// (`X`, `+`); the rings' spread keeps a small asterisk's arms apart at one radius or another.
    static func arms(of g: Glyph, pixels: [UInt8], width: Int) -> Int {
        [0.25, 0.3, 0.35, 0.4].map { arms(of: g, at: $0, pixels: pixels, width: width) }.max() ?? 0
    }

    /// Ink runs met on one ring, of radius `fraction` of the glyph's smaller side.
    static func arms(of g: Glyph, at fraction: Double, pixels: [UInt8], width: Int) -> Int {
        let centreX = Double(g.box.left + g.box.right - 1) / 2
        let centreY = Double(g.box.top + g.box.bottom - 1) / 2
        let radius = Double(min(g.width, g.height)) * fraction
        let steps = max(24, Int(radius * 8))
        var inked: [Bool] = []
        inked.reserveCapacity(steps)
        for step in 0..<steps {
            let angle = Double(step) * 2 * Double.pi / Double(steps)
            let x = Int((centreX + radius * cos(angle)).rounded())
            let y = Int((centreY + radius * sin(angle)).rounded())
            inked.append(g.box.contains(x: x, y: y) && pixels[y * width + x] < ink)
        }
        guard inked.contains(false) else { return 0 }
        return inked.indices.filter { inked[$0] && !inked[($0 + steps - 1) % steps] }.count
    }

    /// Whether the box holds a bullet: a solid, round glyph well below the line's top, smaller than its digits.
    public static func hasBullets(in box: RecognizedWord.Box, pixels: [UInt8], width: Int, height: Int) -> Bool {
        let top = max(0, box.top)
        let bottom = min(height, box.bottom)
        let left = max(0, box.left)
        let right = min(width, box.right)
        guard bottom > top, right > left, pixels.count == width * height else { return false }
        var crop = [UInt8](repeating: 255, count: (right - left) * (bottom - top))
        for y in top..<bottom {
            for x in left..<right { crop[(y - top) * (right - left) + x - left] = pixels[y * width + x] }
        }
        let glyphs = components(crop, width: right - left, rows: 0..<(bottom - top))
        guard let tallest = glyphs.map(\.height).max(), tallest >= 6 else { return false }
        let lineTop = glyphs.map(\.box.top).min() ?? 0
        return glyphs.contains { g in
            g.height * 10 <= tallest * 6 && g.height * 10 >= tallest * 2 && g.width * 3 <= g.height * 4
                && g.height * 3 <= g.width * 4 && g.ink * 10 >= g.width * g.height * 6
                && (g.box.top - lineTop) * 10 >= tallest * 2
        }
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
            var left = width
            var right = 0
            var top = h
            var bottom = 0
            var inked = 0
            while let p = stack.popLast() {
                inked += 1
                let x = p % width
                let y = p / width
                left = min(left, x); right = max(right, x + 1); top = min(top, y); bottom = max(bottom, y + 1)
                for dy in -1...1 {
                    for dx in -1...1 {
                        let nx = x + dx
                        let ny = y + dy
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
            glyphs.append(
                Glyph(
                    box: .init(left: left, top: top + rows.lowerBound, right: right, bottom: bottom + rows.lowerBound),
                    ink: inked))
        }
        glyphs.sort { $0.box.left < $1.box.left }
        var merged: [Glyph] = []
        for glyph in glyphs {
            if let last = merged.last, glyph.box.left < last.box.right {
                merged[merged.count - 1].box = .init(
                    left: last.box.left, top: min(last.box.top, glyph.box.top),
                    right: max(last.box.right, glyph.box.right),
                    bottom: max(last.box.bottom, glyph.box.bottom))
                merged[merged.count - 1].ink += glyph.ink
            } else {
                merged.append(glyph)
            }
        }
        return merged
    }
}
