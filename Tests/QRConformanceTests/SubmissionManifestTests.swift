import QRConformance
import Testing

@Suite struct SubmissionManifestTests {
    static let valid = """
        {"format_version": 1, "submission_id": "ACME-1", "vendor": "ACME", "spec": "vn-personal-qr@1.1",
         "app": {"name": "ACME ID", "version": "2.3.1", "platform": "android"},
         "screenshots": [{"file": "shots/p01-default.png", "persona": "P01", "display_mode": "default",
                          "device": "Pixel 7", "ppi": 416}]}
        """

    @Test func decodesAValidManifest() throws {
        let manifest = try SubmissionManifest.decode(Array(Self.valid.utf8), path: "s/submission.json")
        #expect(manifest.id == "ACME-1")
        #expect(manifest.app == .init(name: "ACME ID", version: "2.3.1", platform: "android"))
        #expect(
            manifest.screenshots == [
                .init(file: "shots/p01-default.png", persona: "P01", mode: .default, device: "Pixel 7", ppi: 416)
            ])
    }

    static let broken: [(replace: String, with: String, message: String)] = [
        (
            "\"format_version\": 1", "\"format_version\": 2",
            "s/submission.json at /format_version: format_version 2 is not supported; the highest supported is 1"
        ),
        (
            "\"ACME-1\"", "\"../../etc\"",
            "s/submission.json at /submission_id: expected letters, digits, '.', '_' or '-' (at most 64), found \"../../etc\""
        ),
        (
            "\"shots/p01-default.png\"", "\"../p01.png\"",
            "s/submission.json at /screenshots/0/file: expected a relative .png path without '..' or odd characters, found \"../p01.png\""
        ),
        (
            "\"display_mode\": \"default\"", "\"display_mode\": \"masked\"",
            "s/submission.json at /screenshots/0/display_mode: unknown display mode \"masked\"; use default or full"
        ),
        (
            "\"ppi\": 416", "\"ppi\": -1",
            "s/submission.json at /screenshots/0/ppi: expected a positive number, found -1.0"
        ),
        ("\"vendor\": \"ACME\",", "", "s/submission.json at /vendor: missing; expected a non-empty string"),
        ("\"spec\"", "\"specs\"", "s/submission.json at /specs: unknown member \"specs\""),
        (
            "{\"format_version\"", "[{\"format_version\"",
            "s/submission.json: not valid JSON: line 4, column 53: the document ends early; expected ',' or ']'"
        ),
    ]

    @Test(arguments: broken)
    func namesTheFileAndPointerOfTheFirstProblem(_ entry: (replace: String, with: String, message: String)) {
        let text = Self.valid.replacingOccurrences(of: entry.replace, with: entry.with)
        #expect(text != Self.valid)
        do {
            _ = try SubmissionManifest.decode(Array(text.utf8), path: "s/submission.json")
            Issue.record("decoded a broken manifest")
        } catch {
            #expect(error.description == entry.message)
        }
    }

    @Test func testPlanDecodesAndRejectsUnknownVersions() throws {
        let plan = """
            {"format_version": 1, "id": "plan-1", "spec": "vn-personal-qr@1.1",
             "personas": [{"id": "P01", "payload": "A|B", "required_modes": ["full", "default"]}]}
            """
        let decoded = try TestPlan.decode(Array(plan.utf8), path: "plan.json")
        #expect(decoded.personas == [.init(id: "P01", payload: Array("A|B".utf8), requiredModes: [.default, .full])])
        let future = plan.replacingOccurrences(of: "\"format_version\": 1", with: "\"format_version\": 7")
        #expect(
            throws: SubmissionError.submission(
                code: .unsupportedFormatVersion, path: "plan.json", pointer: "/format_version",
                cause: "format_version 7 is not supported; the highest supported is 1")
        ) {
            try TestPlan.decode(Array(future.utf8), path: "plan.json")
        }
        let duplicate = plan.replacingOccurrences(
            of: "]}]}", with: "]}, {\"id\": \"P01\", \"payload\": \"x\", \"required_modes\": [\"full\"]}]}")
        #expect(
            throws: SubmissionError.submission(
                code: .invalid, path: "plan.json", pointer: "/personas/1/id", cause: "duplicate persona id")
        ) {
            try TestPlan.decode(Array(duplicate.utf8), path: "plan.json")
        }
    }
}
