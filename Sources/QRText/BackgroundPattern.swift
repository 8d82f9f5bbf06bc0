/// A page's pattern (diagonal stripes, noise) that stands out by the ink threshold joins the glyphs drawn on it into
/// shapes taller than any glyph, so none of that text is found. Such a shape is mostly pattern: where it lies, ink of
/// its polarity must stand out by the threshold from the pattern's own contrast (the shape's median), which keeps the
/// glyphs, drawn in far more contrast than a faint pattern, and clears the pattern, pieces cut off by the glyphs
/// included.
struct BackgroundPattern {
    /// Side of the square tiles that say where a pattern lies, in pixels.
    static let tile = 32

    /// A tile is a pattern's when a fifth of its pixels or more belong to it: a table's or a card's thin outline, tall
    /// too, fills far less of the tiles it crosses.
    static let fillFifths = 5

    /// A tile beside a pattern's is cut too when a twentieth of its pixels or more belong to a pattern.
    static let traceTwentieths = 20

    let width: Int
    let height: Int
    let columns: Int
    let rows: Int
    /// The contrast ink of each value (1 dark, 2 light) must reach in each tile; 0 where no pattern lies.
    let cuts: [[Int]]

    /// The faint patterns in `map` (values 1 and 2, each judged alone), or nil when there are none. A pattern is a
    /// connected shape of one value (8-connected) taller than `maxHeight` whose median `contrast` is below twice
    /// `delta`; its cut, its median plus `delta`, holds in the tiles it fills and in the tiles beside them where it
    /// shows.
    init?(_ map: [UInt8], contrast: [UInt8], width: Int, height: Int, maxHeight: Int, delta: Int) {
        guard width > 0, height > 0, map.count == width * height, contrast.count == map.count else { return nil }
        let tile = Self.tile
        let columns = (width + tile - 1) / tile
        let rows = (height + tile - 1) / tile
        // Per value and tile: the pixels of faint patterns, and the highest of their cuts.
        var pixels = [[Int]](repeating: [Int](repeating: 0, count: columns * rows), count: 3)
        var highest = pixels
        var seen = [Bool](repeating: false, count: map.count)
        var stack: [Int] = []
        var members: [Int] = []
        for start in map.indices where map[start] != 0 && !seen[start] {
            let value = Int(map[start])
            seen[start] = true
            stack.append(start)
            members.removeAll(keepingCapacity: true)
            var top = start / width
            var bottom = top
            while let index = stack.popLast() {
                members.append(index)
                let x = index % width
                let y = index / width
                top = min(top, y)
                bottom = max(bottom, y)
                for ny in max(0, y - 1)...min(height - 1, y + 1) {
                    for nx in max(0, x - 1)...min(width - 1, x + 1) {
                        let next = ny * width + nx
                        if Int(map[next]) == value, !seen[next] {
                            seen[next] = true
                            stack.append(next)
                        }
                    }
                }
            }
            guard value < pixels.count, bottom - top >= maxHeight else { continue }
            var histogram = [Int](repeating: 0, count: 256)
            for index in members { histogram[Int(contrast[index])] += 1 }
            var median = 0
            var counted = histogram[0]
            while median < 255, counted * 2 < members.count {
                median += 1
                counted += histogram[median]
            }
            // A texture that stands out by twice the threshold or more is no faint pattern (a code, a photo): text
            // on it cannot be told by contrast, and it is left as it is.
            guard median < 2 * delta else { continue }
            for index in members {
                let cell = (index / width / tile) * columns + (index % width) / tile
                pixels[value][cell] += 1
                highest[value][cell] = max(highest[value][cell], median + delta)
            }
        }
        // A tile a pattern fills is cut; so is a tile beside one where the pattern still shows (a twentieth of its
        // pixels or more: text drawn over it covers much of the pattern), but not the plain card beside a patterned
        // page.
        let area = tile * tile
        let cuts = (0..<3).map { value in
            (0..<(rows * columns)).map { cell -> Int in
                let count = pixels[value][cell]
                if count * Self.fillFifths >= area { return highest[value][cell] }
                guard count * Self.traceTwentieths >= area else { return 0 }
                let row = cell / columns
                let column = cell % columns
                for r in max(0, row - 1)...min(rows - 1, row + 1) {
                    for c in max(0, column - 1)...min(columns - 1, column + 1)
                    where pixels[value][r * columns + c] * Self.fillFifths >= area {
                        return highest[value][cell]
                    }
                }
                return 0
            }
        }
        guard cuts.contains(where: { $0.contains { $0 > 0 } }) else { return nil }
        self.cuts = cuts
        self.width = width
        self.height = height
        self.columns = columns
        self.rows = rows
    }

    /// The cut for ink of `value` at pixel (x, y); 0 where no pattern lies.
    func cut(value: Int, x: Int, y: Int) -> Int {
        guard value > 0, value < cuts.count, x >= 0, x < width, y >= 0, y < height else { return 0 }
        return cuts[value][(y / Self.tile) * columns + x / Self.tile]
    }

    /// Clears from `map` the ink below its tile's cut.
    func clear(_ map: inout [UInt8], contrast: [UInt8]) {
        guard map.count == width * height, contrast.count == map.count else { return }
        for index in map.indices where map[index] != 0 {
            let cut = cut(value: Int(map[index]), x: index % width, y: index / width)
            if cut > 0, Int(contrast[index]) < cut { map[index] = 0 }
        }
    }

    /// Whether the cut took ink that stands out from its pattern by half of `delta` or more, away from the ink kept
    /// (more than two pixels from it, past a kept glyph's rim), in two shapes of a glyph's size side by side: text
    /// fainter than the cut, which clearing would hide from every line.
    func hidesText(original: [UInt8], cleared: [UInt8], contrast: [UInt8], delta: Int, glyphHeight: ClosedRange<Int>)
        -> Bool
    {
        guard original.count == width * height, cleared.count == original.count, contrast.count == original.count
        else { return false }
        var doubt = [UInt8](repeating: 0, count: original.count)
        var any = false
        for index in original.indices where original[index] != 0 && cleared[index] == 0 {
            let value = Int(original[index])
            let x = index % width
            let y = index / width
            let cut = cut(value: value, x: x, y: y)
            guard cut > 0, Int(contrast[index]) * 2 >= (cut - delta) * 2 + delta else { continue }
            var nearKept = false
            search: for ny in max(0, y - 2)...min(height - 1, y + 2) {
                for nx in max(0, x - 2)...min(width - 1, x + 2) where Int(cleared[ny * width + nx]) == value {
                    nearKept = true
                    break search
                }
            }
            if !nearKept {
                doubt[index] = UInt8(value)
                any = true
            }
        }
        guard any else { return false }
        for value in [UInt8(1), 2] {
            let shapes = Blob.components(
                of: doubt, width: width, height: height, value: value, limit: TextRegionFinder.maximumBlobs
            )
            .map(\.box).filter { glyphHeight.contains($0.height) && $0.width >= 2 }
            // Two of a glyph's size side by side on one band, no further apart than their height: a word.
            for (index, a) in shapes.enumerated() {
                for b in shapes[(index + 1)...] {
                    let overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
                    let gap = max(a.left, b.left) - min(a.right, b.right)
                    if overlap * 2 >= min(a.height, b.height), gap <= max(a.height, b.height) { return true }
                }
            }
        }
        return false
    }

    /// Whether every glyph of the lines found on the cleared map that lies where a pattern was cut stands out from
    /// the cut by `delta` more (its ninth-decile contrast): then glyphs drawn like them were not cut away. A line of
    /// glyphs that barely pass the cut (thin light strokes) may have lost some to it, so the pattern is not cleared.
    func spares(_ regions: [TextRegion], map: [UInt8], contrast: [UInt8], delta: Int) -> Bool {
        for region in regions {
            let value = region.polarity == .dark ? 1 : 2
            for glyph in region.glyphs {
                let cut = cut(value: value, x: (glyph.left + glyph.right) / 2, y: (glyph.top + glyph.bottom) / 2)
                guard cut > 0 else { continue }
                var values: [UInt8] = []
                for y in max(0, glyph.top)..<min(height, glyph.bottom) {
                    for x in max(0, glyph.left)..<min(width, glyph.right) where Int(map[y * width + x]) == value {
                        values.append(contrast[y * width + x])
                    }
                }
                guard !values.isEmpty else { continue }
                values.sort()
                if Int(values[values.count * 9 / 10]) < cut + delta { return false }
            }
        }
        return true
    }
}
