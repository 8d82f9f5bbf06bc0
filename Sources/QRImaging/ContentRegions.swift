import QRSymbol

/// The parts of an image that hold anything but flat colour, as a few rectangles: where a code can be.
///
/// zbar's cost grows with every pixel it scans, flat background included; a code is never flat (its modules and
/// finder patterns are dark and light within a few pixels), so the locating passes can skip the flat parts of a
/// screen. Tiles whose darkest and lightest pixels differ by less than `minimumSpread` are flat; the others are
/// grown by `growth` tiles (a code's quiet zone and the flat insides of large modules) and grouped into the
/// bounding boxes of their connected groups, merged where they overlap. Pure: tested without zbar.
enum ContentRegions {
    /// Side of a tile, in pixels of the half-resolution image.
    static let tile = 16
    /// A tile with a smaller spread between its darkest and lightest pixel is flat (the faintest committed code,
    /// `unmeasurable-low-contrast.png`, spreads over 20 levels).
    static let minimumSpread = 12
    /// Tiles added around every busy tile: 32 px at half resolution hold a finder's 3-module core of up to 10 px
    /// per module and 3 modules of its quiet zone.
    static let growth = 2
    /// When the regions cover more than this fraction of the image, the whole image is one region.
    static let wholeImageFraction = 0.7

    /// The rectangles to scan, in reading order; the whole image when little of it is flat, none when all of it is.
    static func of(_ image: GrayImage) -> [PixelRect] {
        let columns = (image.width + tile - 1) / tile
        let rows = (image.height + tile - 1) / tile
        let busy = busyTiles(image, columns: columns, rows: rows)
        guard busy.contains(true) else { return [] }
        let grown = grow(busy, columns: columns, rows: rows)
        var boxes = components(grown, columns: columns, rows: rows)
        boxes = merged(boxes)
        let rects = boxes.compactMap { box -> PixelRect? in
            let x = box.left * tile
            let y = box.top * tile
            return PixelRect(
                x: x, y: y, width: min(image.width, (box.right + 1) * tile) - x,
                height: min(image.height, (box.bottom + 1) * tile) - y)
        }
        let covered = rects.reduce(0) { $0 + $1.width * $1.height }
        if Double(covered) > wholeImageFraction * Double(image.pixels.count) {
            return PixelRect(x: 0, y: 0, width: image.width, height: image.height).map { [$0] } ?? []
        }
        return rects.sorted { ($0.y, $0.x) < ($1.y, $1.x) }
    }

    /// A box of tiles, edges inclusive.
    struct Box: Equatable {
        var left: Int, top: Int, right: Int, bottom: Int

        func overlaps(_ other: Box) -> Bool {
            left <= other.right && other.left <= right && top <= other.bottom && other.top <= bottom
        }

        func union(_ other: Box) -> Box {
            Box(
                left: min(left, other.left), top: min(top, other.top), right: max(right, other.right),
                bottom: max(bottom, other.bottom))
        }
    }

    /// Whether each tile (row by row) has a spread of at least `minimumSpread`.
    static func busyTiles(_ image: GrayImage, columns: Int, rows: Int) -> [Bool] {
        var low = [UInt8](repeating: 255, count: columns * rows)
        var high = [UInt8](repeating: 0, count: columns * rows)
        image.pixels.withUnsafeBufferPointer { pixels in
            for y in 0..<image.height {
                let rowStart = y * image.width
                let tileRow = (y / tile) * columns
                for x in 0..<image.width {
                    let value = pixels[rowStart + x]
                    let index = tileRow + x / tile
                    if value < low[index] { low[index] = value }
                    if value > high[index] { high[index] = value }
                }
            }
        }
        return zip(low, high).map { Int($0.1) - Int($0.0) >= minimumSpread }
    }

    /// The busy tiles grown by `growth` tiles on every side.
    static func grow(_ busy: [Bool], columns: Int, rows: Int) -> [Bool] {
        var grown = [Bool](repeating: false, count: busy.count)
        for row in 0..<rows {
            for column in 0..<columns where busy[row * columns + column] {
                for r in max(0, row - growth)...min(rows - 1, row + growth) {
                    for c in max(0, column - growth)...min(columns - 1, column + growth) {
                        grown[r * columns + c] = true
                    }
                }
            }
        }
        return grown
    }

    /// The bounding box of each 4-connected group of marked tiles.
    static func components(_ marked: [Bool], columns: Int, rows: Int) -> [Box] {
        var seen = [Bool](repeating: false, count: marked.count)
        var boxes: [Box] = []
        for start in marked.indices where marked[start] && !seen[start] {
            var box = Box(left: start % columns, top: start / columns, right: start % columns, bottom: start / columns)
            var stack = [start]
            seen[start] = true
            while let index = stack.popLast() {
                let row = index / columns
                let column = index % columns
                box = box.union(Box(left: column, top: row, right: column, bottom: row))
                let neighbours = [
                    column > 0 ? index - 1 : nil, column < columns - 1 ? index + 1 : nil,
                    row > 0 ? index - columns : nil, row < rows - 1 ? index + columns : nil,
                ]
                for case let next? in neighbours where marked[next] && !seen[next] {
                    seen[next] = true
                    stack.append(next)
                }
            }
            boxes.append(box)
        }
        return boxes
    }

    /// Boxes merged until none overlaps another.
    static func merged(_ boxes: [Box]) -> [Box] {
        var result = boxes
        var changed = true
        while changed {
            changed = false
            outer: for i in result.indices {
                for j in result.indices where j > i && result[i].overlaps(result[j]) {
                    result[i] = result[i].union(result[j])
                    result.remove(at: j)
                    changed = true
                    break outer
                }
            }
        }
        return result
    }
}
