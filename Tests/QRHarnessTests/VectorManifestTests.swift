import Foundation
import QRConformance
import QRHarness
import Testing

/// A manifest with a misspelled rule id, an unknown outcome, a missing file (and the like) fails validation by name.
@Suite struct VectorManifestTests {
    /// A one-vector payload manifest; `vector` and `top` are spliced in so each case breaks one thing.
    static func manifest(
        vector: String = #""payload": "A|B|C|0|D|""#, expected: String = #"{"PAY-002": "pass"}"#,
        flags: String = #"["valid"]"#, version: Int = 1
    ) -> String {
        """
        {
          "format_version": \(version), "area": "payload", "spec": "vn-personal-qr", "spec_versions": ["1.1"],
          "description": "test", "generator": "test", "validation_time": "2026-06-01T00:00:00Z",
          "notes": {"valid": "every asserted rule passes"},
          "groups": [{"id": "g", "description": "d", "rules": ["PAY-002"], "clause": "c", "vectors": [
            {"id": "v1", "description": "d", "flags": \(flags), "provenance": {"generator": "test"},
             \(vector), "expected": {"1.1": \(expected)}}
          ]}]
        }
        """
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let manifest: String
        let problem: String
        var testDescription: String { name }
    }

    static let cases = [
        Case(
            name: "misspelled rule id", manifest: manifest(expected: #"{"PAY-0O2": "pass"}"#),
            problem: "[v1]: unknown rule id PAY-0O2 for spec vn-personal-qr 1.1"),
        Case(
            name: "unknown outcome value", manifest: manifest(expected: #"{"PAY-002": "passed"}"#),
            problem:
                "[v1]: unknown outcome \"passed\" for PAY-002 (spec 1.1); expected one of pass, fail, warn, not_applicable, inconclusive"
        ),
        Case(
            name: "missing file", manifest: manifest(vector: #""file": "nowhere.png""#),
            problem: "[v1]: file nowhere.png does not exist"),
        Case(
            name: "flag without a note", manifest: manifest(flags: #"["vaild"]"#),
            problem: "[v1]: flag \"vaild\" is not explained in the manifest's notes"),
        Case(
            name: "two inputs", manifest: manifest(vector: #""payload": "x", "file": "y.png""#),
            problem: "[v1]: needs exactly one of payload, payload_base64, file or submission (found 2)"),
    ]

    @Test(arguments: cases)
    func validationNamesTheProblem(_ c: Case) throws {
        let directory = try VectorTestSupport.corpus(manifest: c.manifest)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let corpus = try VectorCorpus.load(directory: directory)
        let problems = VectorValidator.validate(corpus, specs: try VectorTestSupport.bundledSpecs())
        let path = directory + "/payload/manifest.json"
        #expect(problems.map(\.description).contains(path + " " + c.problem), "\(problems)")
    }

    @Test func theUnbrokenManifestValidates() throws {
        let directory = try VectorTestSupport.corpus(manifest: Self.manifest())
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let corpus = try VectorCorpus.load(directory: directory)
        #expect(VectorValidator.validate(corpus, specs: try VectorTestSupport.bundledSpecs()) == [])
    }

    @Test func unknownFormatVersionNamesTheHighestSupported() throws {
        let directory = try VectorTestSupport.corpus(manifest: Self.manifest(version: 2))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(
            throws: VectorManifestError.vectorManifest(
                code: .unsupportedFormatVersion, path: directory + "/payload/manifest.json",
                cause: "format_version 2 is not supported; the highest supported is 1")
        ) { try VectorCorpus.load(directory: directory) }
    }

    @Test func misspelledKeyIsRejected() throws {
        let broken = Self.manifest().replacingOccurrences(of: "\"expected\"", with: "\"expectd\"")
        let directory = try VectorTestSupport.corpus(manifest: broken)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(
            throws: VectorManifestError.vectorManifest(
                code: .invalid, path: directory + "/payload/manifest.json",
                cause: "unknown key \"expectd\" at /groups/0/vectors/0")
        ) { try VectorCorpus.load(directory: directory) }
    }
}
