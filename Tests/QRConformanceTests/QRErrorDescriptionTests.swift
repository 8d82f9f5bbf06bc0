import QRConformance
import QRErrors
import Testing

/// Pins what every harness error prints: "file: cause", with the domain's words before the file and the location
/// after it. The command line's stderr messages and reports carry exactly this text.
@Suite("the description of a harness error")
struct QRErrorDescriptionTests {
    @Test(
        "an error reads file: cause",
        arguments: [
            (QRError(.spec, code: .invalid, file: "rules.json", cause: "no rules"), "rules.json: no rules"),
            (
                SpecError.spec(code: .invalid, path: "rules.json", ruleID: "QR-01", cause: "bad"),
                "rules.json (rule QR-01): bad"
            ),
            (
                TrustListError.trustList(code: .kidMismatch, path: "keys.json", kid: "abc", cause: "wrong kid"),
                "trust list keys.json (key abc): wrong kid"
            ),
            (
                SubmissionError.submission(code: .invalid, path: "m.json", pointer: "/screenshots/2", cause: "no file"),
                "m.json at /screenshots/2: no file"
            ),
            (
                SubmissionError.submission(code: .invalid, path: "m.json", pointer: "", cause: "not an object"),
                "m.json at /: not an object"
            ),
            (ReportSigningError.reportSigning(code: .invalidJSON, path: "k.jwk", cause: "not JSON"), "k.jwk: not JSON"),
        ] as [(QRError, String)])
    func description(error: QRError, expected: String) {
        #expect(error.description == expected)
        #expect(String(describing: error) == expected)
    }

    @Test("an error's code is its raw string in a report row, and the row's message is its description")
    func reportRow() {
        let error = SubmissionError.submission(code: .unsafeEntry, path: "s.zip", cause: "leaves the root")
        let row = ImageError(error)
        #expect(row.code.rawValue == "unsafe-entry")
        #expect(row.message == "s.zip: leaves the root")
    }
}
