import QRSymbol
import QRText

/// How much of the screen's text was found and how much of it was read, for the report: a verdict that rests on an
/// absence is only as good as this coverage.
public struct ScreenTextSummary: Sendable, Equatable, Codable {
    /// Text lines found from the pixels (outside the codes and their quiet zones).
    public let linesFound: Int
    /// Lines every glyph of which a confident word accounts for.
    public let linesRead: Int
    public let glyphsFound: Int
    public let glyphsRead: Int
    /// The lines not read in full, as pixel boxes (no text, so no personal data).
    public let unreadLines: [RecognizedWord.Box]

    public init(_ coverage: ScreenCoverage) {
        linesFound = coverage.regionsFound
        linesRead = coverage.regionsRead
        glyphsFound = coverage.glyphsFound
        glyphsRead = coverage.glyphsRead
        unreadLines = coverage.unreadRegions.map(\.box)
    }

    private enum CodingKeys: String, CodingKey {
        case linesFound = "lines_found"
        case linesRead = "lines_read"
        case glyphsFound = "glyphs_found"
        case glyphsRead = "glyphs_read"
        case unreadLines = "unread_lines"
    }
}
