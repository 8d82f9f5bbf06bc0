import Foundation
import QRTestSupport
import Testing

@Suite("qrconform spec")
struct SpecCommandTests {
    static let shipped = "spec/vn-personal-qr/1.1/rules.json"

    @Test("spec list names the bundled specs and spec show prints the rules")
    func listAndShow() throws {
        let list = try CLIRunner.run(["spec", "list"])
        #expect(String(decoding: list.stdout, as: UTF8.self).contains("vn-personal-qr@1.1"))
        let show = try CLIRunner.run(["spec", "show", "vn-personal-qr@1.1"])
        #expect(show.status == 0)
        #expect(String(decoding: show.stdout, as: UTF8.self).contains("SYM-002"))
    }

    @Test("spec lint passes on the shipped spec")
    func lintShipped() throws {
        let run = try CLIRunner.run(["spec", "lint", Self.shipped])
        #expect(run.status == 0, "\(String(decoding: run.stdout, as: UTF8.self))")
    }

    struct Breakage: CustomTestStringConvertible, Sendable {
        let name: String
        let mutate: @Sendable (inout [String: Any]) -> Void
        let mentions: String
        var testDescription: String { name }
    }

    static let breakages = [
        Breakage(
            name: "duplicate id",
            mutate: { spec in
                var rules = spec["rules"] as? [[String: Any]] ?? []
                if let first = rules.first { rules.append(first) }
                spec["rules"] = rules
            }, mentions: "PAY-001"),
        Breakage(
            name: "unknown rule",
            mutate: { spec in
                var rules = spec["rules"] as? [[String: Any]] ?? []
                if var first = rules.first { first["id"] = "PAY-999"; rules.append(first) }
                spec["rules"] = rules
            }, mentions: "PAY-999"),
        Breakage(
            name: "parameter of the wrong type",
            mutate: { spec in
                var rules = spec["rules"] as? [[String: Any]] ?? []
                for (i, rule) in rules.enumerated() where rule["id"] as? String == "SYM-010" {
                    var r = rule
                    var params = r["parameters"] as? [String: Any] ?? [:]
                    for (k, v) in params { var p = v as? [String: Any] ?? [:]; p["value"] = "four"; params[k] = p }
                    r["parameters"] = params
                    rules[i] = r
                }
                spec["rules"] = rules
            }, mentions: "SYM-010"),
    ]

    @Test("spec lint fails on a broken copy, naming the problem", arguments: breakages)
    func lintBroken(b: Breakage) throws {
        let data = try Data(contentsOf: CLIRunner.repoRoot.appendingPathComponent(Self.shipped))
        var spec = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        b.mutate(&spec)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("spec-\(UUID()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try JSONSerialization.data(withJSONObject: spec).write(to: URL(fileURLWithPath: path))
        let run = try CLIRunner.run(["spec", "lint", path])
        #expect(run.status == 1)
        #expect(String(decoding: run.stdout, as: UTF8.self).contains(b.mentions))
    }
}
