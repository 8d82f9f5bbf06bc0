import Foundation
import QRTestSupport
import Testing

/// The suite's own commands on the committed vectors, and on payloads of every malformed shape: no output may
/// hold a persona's ID number, birth date, phone or insurance number unless revealing was asked for.
@Suite("privacy", .serialized)
struct PrivacyTests {
    static let root = CLIRunner.repoRoot
    static let trust = "TestVectors/keys/test-trust-list.jwks.json"
    static let at = "2026-01-15T00:00:00Z"

    /// Every `payload` string in TestVectors' JSON files.
    static func payloads() throws -> [String] {
        var found: [String] = []
        func walk(_ value: Any) {
            if let object = value as? [String: Any] {
                for (key, member) in object {
                    if key == "payload", let text = member as? String { found.append(text) } else { walk(member) }
                }
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        let files =
            FileManager.default.enumerator(atPath: root.appendingPathComponent("TestVectors").path)?
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".json") } ?? []
        for file in files {
            let data = try Data(contentsOf: root.appendingPathComponent("TestVectors").appendingPathComponent(file))
            if let json = try? JSONSerialization.jsonObject(with: data) { walk(json) }
        }
        return found
    }

    /// The personal values of those payloads: ID number, birth date, insurance number and phone.
    static func secrets() throws -> Set<String> {
        var secrets: Set<String> = []
        for payload in try payloads() {
            let fields = payload.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 6 else { continue }
            let ext = fields[5].split(separator: "<", omittingEmptySubsequences: false).map(String.init)
            let candidates = [fields[0], fields[2]] + (ext.count > 3 ? [ext[2], ext[3]] : [])
            for value in candidates
            where value.count >= 9 && value.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter || $0 == "-") }) {
                secrets.insert(value)
            }
        }
        return secrets
    }

    /// String values of the shipped specs that hold one of the secrets, as reports quote them.
    static func specStrings(containing secrets: Set<String>) throws -> [String] {
        var found: Set<String> = []
        func walk(_ value: Any) {
            if let text = value as? String, secrets.contains(where: text.contains) { found.insert(text) }
            (value as? [String: Any])?.values.forEach(walk)
            (value as? [Any])?.forEach(walk)
        }
        for version in ["1.1", "1.2"] {
            let data = try Data(contentsOf: root.appendingPathComponent("spec/vn-personal-qr/\(version)/rules.json"))
            walk(try JSONSerialization.jsonObject(with: data))
        }
        return found.sorted { $0.count > $1.count }
    }

    /// QR images of payloads that are not 1405-shaped, made with segno from scripts/.venv.
    static func hostileImages(in folder: URL) throws -> [String] {
        let p1 = "001093029317|NGUYEN LE KHA HAN|1987-01-18|0|162979388586171100|"
        let payloads: [(String, String)] = [
            ("extra-lt", "b'\(p1)<1<HS4010120878821<<0944713700'"),
            (
                "invalid-utf8-name",
                "b'001093029317|NGUYEN \\xff LE|1987-01-18|0|162979388586171100|<1<HS4010120878821<0944713700'"
            ),
            ("seven-fields", "b'\(p1)<1<HS4010120878821<0944713700|more'"),
            ("five-fields", "b'001093029317|NGUYEN LE KHA HAN|1987-01-18|0|<1<HS4010120878821<0944713700'"),
        ]
        var script = "import segno\n"
        for (name, literal) in payloads {
            let path = folder.appendingPathComponent("\(name).png").path
            script += "segno.make(\(literal), error='m', mode='byte').save('\(path)', scale=8, border=4)\n"
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try ProjectPython.interpreter())
        process.arguments = ["-c", script]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "segno failed")
        return payloads.map { folder.appendingPathComponent("\($0.0).png").path }
    }

    @Test("check, decode and certify never print a persona's personal values unless revealed")
    func noPersonalValuesInAnyOutput() throws {
        let secrets = try Self.secrets()
        #expect(secrets.isSuperset(of: ["001093029317", "1987-01-18", "HS4010120878821", "0944713700", "0912345678"]))
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "qrconform-privacy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let examples = try FileManager.default.contentsOfDirectory(
            atPath: Self.root.appendingPathComponent("TestVectors/examples").path
        )
        .filter { $0.hasSuffix(".png") }.sorted().map { "TestVectors/examples/\($0)" }
        let display = ["full-id-dark", "full-birth-dark", "value-own-line-dark", "default-light-dejavusans-28"]
            .map { "TestVectors/display/\($0).png" }
        let images = examples + (try Self.hostileImages(in: work))
        let check = ["check", "--at", Self.at, "--trust-list", Self.trust, "--quiet"]
        var runs: [(String, CLIRunner.Run)] = []
        for format in ["json", "junit", "html"] {
            runs.append(("check \(format)", try CLIRunner.run(check + ["--format", format] + images)))
        }
        for mode in ["default", "full"] {
            runs.append(("check \(mode)", try CLIRunner.run(check + ["--display-mode", mode] + display)))
        }
        runs.append(("decode", try CLIRunner.run(["decode"] + images + display)))
        let reports = work.appendingPathComponent("reports")
        runs.append(
            (
                "certify",
                try CLIRunner.run([
                    "certify", "--test-plan", "TestVectors/submissions/test-plan.json", "--trust-list", Self.trust,
                    "--at", Self.at,
                    "--output", reports.path, "TestVectors/submissions/pass-acme",
                    "TestVectors/submissions/fail-masked-payload",
                    "TestVectors/submissions/fail-wrong-persona",
                ])
            ))
        var outputs = runs.map { ($0.0, String(decoding: $0.1.stdout, as: UTF8.self) + $0.1.stderr) }
        for file in FileManager.default.enumerator(atPath: reports.path)?.compactMap({ $0 as? String }) ?? [] {
            let url = reports.appendingPathComponent(file)
            if let text = try? String(contentsOf: url, encoding: .utf8) { outputs.append(("certify \(file)", text)) }
        }
        #expect(outputs.count > 8)
        let specTexts = try Self.specStrings(containing: secrets)
        for (name, output) in outputs {
            // The spec's own clause and parameter texts (its published example, its earliest date) are not data.
            let text = specTexts.reduce(output) { $0.replacingOccurrences(of: $1, with: "") }
            #expect(!text.isEmpty, "\(name) printed nothing")
            for secret in secrets where text.contains(secret) {
                Issue.record("\(name) shows \(secret)")
            }
        }
        // Revealing shows them: the test would see a leak.
        let revealed = try CLIRunner.run(["decode", "--reveal-personal-data", images[0]])
        #expect(revealed.json.map { "\($0)" }?.contains("0944713700") == true)
    }
}
