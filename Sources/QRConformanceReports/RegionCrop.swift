import Foundation
import QRSymbol
import QRText

/// A piece of the screen a display rule could not read with confidence, cut out for the person who decides it
/// (`qrconform register review`).
///
/// Unless personal data is revealed, the left half of the text is covered, as the reports mask an ID number (its
/// first six of twelve characters hidden): enough to see whether the rest is digits, stars or words.
public struct RegionCrop: Sendable, Equatable, Codable {
    /// The rules that are inconclusive over this region.
    public let rules: [String]
    /// The region in screenshot pixels.
    public let box: RecognizedWord.Box
    /// The crop as PNG bytes.
    public let png: [UInt8]
    public let width: Int
    public let height: Int
    /// Whether part of the text is covered.
    public let masked: Bool

    public init(rules: [String], box: RecognizedWord.Box, png: [UInt8], width: Int, height: Int, masked: Bool) {
        self.rules = rules
        self.box = box
        self.png = png
        self.width = width
        self.height = height
        self.masked = masked
    }

    private enum CodingKeys: String, CodingKey {
        case rules, box, png, width, height, masked
    }

    /// The PNG travels as base64 (`Data`'s JSON form), not as an array of numbers.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rules = try c.decode([String].self, forKey: .rules)
        box = try c.decode(RecognizedWord.Box.self, forKey: .box)
        png = [UInt8](try c.decode(Data.self, forKey: .png))
        width = try c.decode(Int.self, forKey: .width)
        height = try c.decode(Int.self, forKey: .height)
        masked = try c.decode(Bool.self, forKey: .masked)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rules, forKey: .rules)
        try c.encode(box, forKey: .box)
        try c.encode(Data(png), forKey: .png)
        try c.encode(width, forKey: .width)
        try c.encode(height, forKey: .height)
        try c.encode(masked, forKey: .masked)
    }
}
