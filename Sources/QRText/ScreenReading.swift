import QRSymbol
/// What the screen-text stage read: the words, and every text line found from the pixels, read or not.
///
/// The lines are found independently of recognition, so the rules can tell "not shown" from "not read": an absence
/// holds only where every line that could hold the value was accounted for by confident words.
public struct ScreenReading: Sendable, Equatable, Codable {
    public var words: [RecognizedWord]
    public var regions: [TextRegion]

    public init(words: [RecognizedWord], regions: [TextRegion]) {
        self.words = words
        self.regions = regions
    }
}
