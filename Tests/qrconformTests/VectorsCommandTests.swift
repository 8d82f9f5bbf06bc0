import Foundation
import QRTestSupport
import Testing

/// `qrconform vectors verify|coverage|validate` run as a user runs them.
@Suite("qrconform vectors")
struct VectorsCommandTests {
    static func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    @Test("verify passes on the shipped payload and signature vectors and prints counts per area")
    func verifyShipped() throws {
        let run = try CLIRunner.run(["vectors", "verify", "--area", "payload", "--area", "signature"])
        let out = Self.text(run.stdout)
        #expect(run.status == 0, "\(out)\(run.stderr)")
        #expect(out.contains("spec vn-personal-qr 1.1 (bundled:vn-personal-qr@1.1)"))
        #expect(out.contains("spec vn-personal-qr 1.2 (bundled:vn-personal-qr@1.2)"))
        #expect(out.contains("payload    72       864         0"))
        #expect(out.contains("ok: every assertion holds"))
    }

    @Test("coverage passes: every rule of 1.1 and 1.2 has a passing and a failing vector")
    func coverage() throws {
        let run = try CLIRunner.run(["vectors", "coverage"])
        let out = Self.text(run.stdout)
        #expect(run.status == 0, "\(out)\(run.stderr)")
        #expect(out.components(separatedBy: "ok: every rule has a passing and a failing vector").count == 3)
    }

    @Test("a changed threshold in a copy of the spec fails verify naming the vector; spec diff names the same")
    func changedThreshold() throws {
        let path = try SpecCopy.write(rule: "PAY-005", parameter: "max_length", value: 99)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let verify = try CLIRunner.run(["vectors", "verify", "--spec", path, "--area", "payload"])
        let out = Self.text(verify.stdout)
        #expect(verify.status == 1)
        #expect(out.contains("MISMATCH  payload  pay-005-name-100  PAY-005  pass      fail"), "\(out)")
        #expect(out.contains("FAILED: 1 mismatches"))
        let diff = try CLIRunner.run(["spec", "diff", "vn-personal-qr@1.1", path, "--format", "json"])
        #expect(diff.status == 0, "\(diff.stderr)")
        let json = try #require(diff.json)
        let rules = try #require(json["rules"] as? [String: Any])
        let changed = try #require(rules["changed"] as? [[String: Any]])
        #expect(changed.map { $0["id"] as? String } == ["PAY-005"])
        let parameters = try #require(changed.first?["parameters"] as? [[String: Any]])
        #expect(parameters.first?["old"] as? String == "integer 100")
        #expect(parameters.first?["new"] as? String == "integer 99")
        let vectors = try #require(json["vectors"] as? [[String: Any]])
        #expect(vectors.map { $0["vector"] as? String } == ["pay-005-name-100"])
        #expect(vectors.first?["new"] as? String == "fail")
        #expect(vectors.first?["expected_new"] as? String == "pass")
    }

    @Test("spec diff 1.1 to 1.2 lists the draft's changes and the vectors they flip")
    func diffShippedVersions() throws {
        let run = try CLIRunner.run(["spec", "diff", "vn-personal-qr@1.1", "vn-personal-qr@1.2", "--corpus", ""])
        let out = Self.text(run.stdout)
        #expect(run.status == 0)
        #expect(out.contains("changed  PAY-010 severity: warning -> error"))
        #expect(out.contains("changed  SYM-002 parameter minimum: enum M -> enum Q"))
    }

    @Test("validate fails on a manifest with an unknown outcome, naming vector, rule and value")
    func validateBroken() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vectors-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let area = directory.appendingPathComponent("payload")
        try FileManager.default.createDirectory(at: area, withIntermediateDirectories: true)
        let shipped = CLIRunner.repoRoot.appendingPathComponent("TestVectors/conformance/payload/manifest.json")
        let text = String(decoding: try Data(contentsOf: shipped), as: UTF8.self)
        let broken = text.replacingOccurrences(of: "\"PAY-003\": \"fail\"", with: "\"PAY-003\": \"failed\"")
        try Data(broken.utf8).write(to: area.appendingPathComponent("manifest.json"))
        let run = try CLIRunner.run(["vectors", "validate", "--corpus", directory.path])
        #expect(run.status == 2)
        #expect(
            run.stderr.contains("[pay-001-utf8-bom]: unknown outcome \"failed\" for PAY-003 (spec 1.1)"),
            "\(run.stderr)")
    }
}

/// A copy of the shipped 1.1 spec with one integer parameter changed, written to a temporary file.
enum SpecCopy {
    static func write(rule id: String, parameter: String, value: Int) throws -> String {
        let source = CLIRunner.repoRoot.appendingPathComponent("spec/vn-personal-qr/1.1/rules.json")
        var spec = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
        var rules = spec["rules"] as? [[String: Any]] ?? []
        for (index, rule) in rules.enumerated() where rule["id"] as? String == id {
            var changed = rule
            var parameters = changed["parameters"] as? [String: Any] ?? [:]
            var entry = parameters[parameter] as? [String: Any] ?? [:]
            entry["value"] = value
            parameters[parameter] = entry
            changed["parameters"] = parameters
            rules[index] = changed
        }
        spec["rules"] = rules
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("spec-\(UUID().uuidString).json").path
        try JSONSerialization.data(withJSONObject: spec).write(to: URL(fileURLWithPath: path))
        return path
    }
}
