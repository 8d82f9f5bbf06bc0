import QRText
import Testing

@testable import QRImaging

/// Which digit of a word is read again against the payload's values, and when none is.
@Suite("digits read again against an expected value")
struct DigitVerificationTests {
    static let id = "048095113806"
    static let dates = ["19950327", "27031995", "03271995"]

    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let expected: [String]
        let digit: (position: Int, value: Character)?
        let why: String
        var testDescription: String { "\(text): \(why)" }
    }

    static let cases = [
        Case(text: "048095115806", expected: [id], digit: (8, "3"), why: "one digit of the ID number misread"),
        Case(text: "048095113806", expected: [id], digit: nil, why: "the ID number itself"),
        Case(text: "******113805", expected: [id], digit: (11, "6"), why: "a masked number's tail, one digit off"),
        Case(text: "1995-05-27", expected: dates, digit: (6, "3"), why: "the birth date, one digit off"),
        Case(text: "27/03/1995", expected: dates, digit: nil, why: "the birth date, day first"),
        Case(text: "0368985064", expected: [id] + dates, digit: nil, why: "a phone number is no near miss"),
        Case(text: "13806", expected: [id], digit: nil, why: "too few digits to tell"),
        Case(
            text: "113800", expected: ["113806", "113807"], digit: nil,
            why: "two values that disagree on the digit decide nothing"),
    ]

    @Test(
        "a word one digit from an expected value names that digit; an exact or far reading names none",
        arguments: cases)
    func oneDigitOff(c: Case) {
        let found = TextRecognizer.oneDigitOff(c.text, from: c.expected.map(Array.init))
        #expect(found?.0 == c.digit?.position)
        #expect(found?.1 == c.digit?.value)
    }

    @Test("a misread digit takes the payload's value only when its glyphs, read again, say so; never any other value")
    func misreadDigitIsReadAgain() throws {
        let directory = TextFixtureTests.directory
        let (_, image) = try ImageFile.load(path: directory.appendingPathComponent("serif-digit-misread.png").path)
        // `048095113806` in DejaVu Serif 500 at 16 CSS px (x 50–365, y 301–333): the page pass of the whole
        // screenshot read its `3` as `5` with confidence 93.
        let regions = TextRegionFinder.regions(in: image, excluding: [])
        let recognizer = try TextRecognizer()
        let read = try #require(
            recognizer.read(image, blanking: [], quietZones: []).words.first { $0.text == Self.id })
        var misread = read
        misread.text = "048095115806"
        func verified(_ expected: [String]) -> String? {
            recognizer.verifyingDigits([misread], regions: regions, expected: expected, image: image).first?.text
        }
        #expect(verified([Self.id]) == Self.id)
        #expect(verified(["048095117806"]) == "048095115806")
        #expect(verified([]) == "048095115806")
    }
}
