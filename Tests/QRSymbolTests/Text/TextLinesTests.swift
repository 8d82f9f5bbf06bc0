import QRSymbol
import QRText
import Testing

/// The one line grouper the reader and the display rules share.
@Suite("text lines")
struct TextLinesTests {
    static func word(_ text: String, _ left: Int, _ top: Int, _ right: Int, _ bottom: Int) -> RecognizedWord {
        RecognizedWord(text: text, box: .init(left: left, top: top, right: right, bottom: bottom), confidence: 90)
    }

    @Test("words sharing a band form one line, left to right; lines run top to bottom")
    func groupsByBand() {
        let words = [
            Self.word("Nguyễn", 100, 10, 180, 40), Self.word("Số", 10, 60, 40, 90), Self.word("An", 200, 12, 240, 40),
            Self.word("******029317", 50, 61, 300, 89),
        ]
        #expect(TextLines.group(words).map { $0.map(\.text) } == [["Nguyễn", "An"], ["Số", "******029317"]])
    }

    @Test("a word many lines tall (a card's edge read as '|') stands alone and does not merge the lines beside it")
    func tallOutlierStandsAlone() {
        let words = [
            Self.word("Họ", 40, 100, 80, 130), Self.word("tên", 90, 100, 140, 130),
            Self.word("|", 10, 60, 14, 700),
            Self.word("Số", 40, 200, 80, 230), Self.word("CCCD", 90, 200, 170, 230),
            Self.word("Ngày", 40, 300, 110, 330),
        ]
        let lines = TextLines.group(words).map { $0.map(\.text) }
        #expect(lines.contains(["|"]))
        #expect(lines.filter { $0 != ["|"] } == [["Họ", "tên"], ["Số", "CCCD"], ["Ngày"]])
    }

    @Test("no words, one word, and degenerate boxes group without trapping")
    func degenerate() {
        #expect(TextLines.group([]).isEmpty)
        #expect(TextLines.group([Self.word("x", 0, 0, 0, 0)]).count == 1)
    }
}
