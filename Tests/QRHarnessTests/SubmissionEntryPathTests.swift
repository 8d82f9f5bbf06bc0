import QRConformance
import Testing

@testable import QRHarness

@Suite struct SubmissionEntryPathTests {
    static let unsafe: [(name: String, cause: String)] = [
        ("../evil.png", "leaves the submission root ('..' or '.' in the path)"),
        ("shots/../../evil.png", "leaves the submission root ('..' or '.' in the path)"),
        ("/etc/evil.png", "is an absolute path or uses backslashes; entries must be relative to the root"),
        ("C:/evil.png", "is an absolute path or uses backslashes; entries must be relative to the root"),
        ("..\\evil.png", "is an absolute path or uses backslashes; entries must be relative to the root"),
        ("a//b.png", "has an empty path component"),
        ("a\u{1}.png", "has control characters in its name"),
    ]

    @Test(arguments: unsafe)
    func refusesNamesThatLeaveTheRoot(_ entry: (name: String, cause: String)) {
        #expect(throws: SubmissionError.self) { try SubmissionEntryPath.validate(entry.name, source: "x.zip") }
        do {
            _ = try SubmissionEntryPath.validate(entry.name, source: "x.zip")
        } catch {
            #expect(error.code == .unsafeEntry)
            #expect(error.cause.hasSuffix(entry.cause))
        }
    }

    @Test(arguments: ["submission.json", "p01-default.png", "shots/p01-full.png"])
    func acceptsRelativeNames(_ name: String) throws {
        #expect(try SubmissionEntryPath.validate(name, source: "x.zip") == name)
        try SubmissionEntryPath.checkAllowed(name, source: "x.zip")
    }

    @Test(arguments: ["notes.txt", "run.sh", "shots/p01.jpg"])
    func refusesOtherFileTypes(_ name: String) {
        #expect(throws: SubmissionError.self) { try SubmissionEntryPath.checkAllowed(name, source: "x.zip") }
    }
}
