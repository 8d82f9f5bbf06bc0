import Foundation
import Testing

@Suite("qrconform certify", .serialized)
struct CertifyCommandTests {
    static let submissions = "TestVectors/submissions"

    /// The example zip with the first central-directory CRC-32 replaced by 0xDEADBEEF.
    static func badChecksumZip() throws -> Data {
        var bytes = [UInt8](try Data(contentsOf: CLIRunner.repoRoot.appendingPathComponent("\(submissions)/pass-acme.zip")))
        let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        let start = try #require((0...(bytes.count - 4)).first { Array(bytes[$0..<$0 + 4]) == signature })
        bytes.replaceSubrange(start + 16..<start + 20, with: [0xEF, 0xBE, 0xAD, 0xDE])
        return Data(bytes)
    }

    @Test("a crafted zip between two good submissions is a read error, exit 2, and all three get reports")
    func craftedZipInABatch() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("qrconform-certify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let crafted = work.appendingPathComponent("crafted.zip")
        try Self.badChecksumZip().write(to: crafted)
        let out = work.appendingPathComponent("reports").path
        let run = try CLIRunner.run([
            "certify", "--test-plan", "\(Self.submissions)/test-plan.json",
            "--trust-list", "TestVectors/keys/test-trust-list.jwks.json", "--at", "2026-01-15T00:00:00Z",
            "--output", out, "--jobs", "1", "\(Self.submissions)/pass-acme", crafted.path, "\(Self.submissions)/pass-acme.zip",
        ])
        #expect(run.status == 2, "\(run.stderr)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(folders == ["ACME-PASS-ACME", "ACME-PASS-ACME-ZIP", "crafted"])
        let report = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: "\(out)/crafted/report.json"))) as? [String: Any]
        let error = try #require(report?["error"] as? [String: Any])
        #expect(error["code"] as? String == "corrupt-zip")
        let message = try #require(error["message"] as? String)
        #expect(message.hasPrefix("\(crafted.path): entry \""))
        #expect(message.hasSuffix("but the zip records 0xDEADBEEF"))
        #expect(!run.stderr.contains("SUB-001"))
        for good in ["ACME-PASS-ACME", "ACME-PASS-ACME-ZIP"] {
            let json = try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: "\(out)/\(good)/report.json"))) as? [String: Any]
            #expect(json?["verdict"] as? String == "pass", "\(good)")
        }
    }
}
