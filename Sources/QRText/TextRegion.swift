import QRSymbol
/// A line of text found on the screen from the pixels alone, before and independently of any recognition.
///
/// Its glyph columns (ink blobs that overlap horizontally, so an accent joins its letter) give the number of
/// characters a reading of the line must account for: a reading that comes up short (`****029317` over twelve glyphs)
/// has lost something.
public struct TextRegion: Sendable, Equatable, Hashable, Codable {
    /// Whether the ink is darker or lighter than its surroundings.
    public enum Polarity: String, Sendable, Equatable, Hashable, Codable {
        case dark, light
    }

    public var box: RecognizedWord.Box
    /// The glyph columns, left to right.
    public var glyphs: [RecognizedWord.Box]
    public var polarity: Polarity

    public init(box: RecognizedWord.Box, glyphs: [RecognizedWord.Box], polarity: Polarity) {
        self.box = box
        self.glyphs = glyphs
        self.polarity = polarity
    }

    /// The median height of the glyph columns, in pixels.
    public var glyphHeight: Int {
        let heights = glyphs.map(\.height).sorted()
        return heights.isEmpty ? 0 : heights[heights.count / 2]
    }

    /// The glyph columns whose centre lies inside `box`.
    public func glyphs(inside box: RecognizedWord.Box) -> [RecognizedWord.Box] {
        glyphs.filter { glyph in
            let x = (glyph.left + glyph.right) / 2
            let y = (glyph.top + glyph.bottom) / 2
            return x >= box.left && x < box.right && y >= box.top - glyph.height / 2
                && y < box.bottom + glyph.height / 2
        }
    }
}

extension RecognizedWord.Box {
    /// The area shared with `other`, in pixels (0 when they do not overlap).
    public func overlapArea(_ other: RecognizedWord.Box) -> Int {
        let width = overlapWidth(other)
        let height = overlapHeight(other)
        return width > 0 && height > 0 ? width * height : 0
    }

    /// The columns shared with `other`; negative: the gap between them.
    public func overlapWidth(_ other: RecognizedWord.Box) -> Int { min(right, other.right) - max(left, other.left) }

    /// The rows shared with `other`; negative: the gap between them.
    public func overlapHeight(_ other: RecognizedWord.Box) -> Int { min(bottom, other.bottom) - max(top, other.top) }

    /// Whether the pixel at (`x`, `y`) lies in the box.
    public func contains(x: Int, y: Int) -> Bool { x >= left && x < right && y >= top && y < bottom }

    /// The smallest box holding both.
    public func union(_ other: RecognizedWord.Box) -> RecognizedWord.Box {
        RecognizedWord.Box(
            left: min(left, other.left), top: min(top, other.top), right: max(right, other.right),
            bottom: max(bottom, other.bottom))
    }
}
