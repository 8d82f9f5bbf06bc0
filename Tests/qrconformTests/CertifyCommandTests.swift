import Foundation
import QRTestSupport
import Testing

@Suite("qrconform certify", .serialized)
struct CertifyCommandTests {
    static let submissions = "TestVectors/submissions"

    /// The example zip with the first central-directory CRC-32 replaced by 0xDEADBEEF.
    static func badChecksumZip() throws -> Data {
        var bytes = [UInt8](
            try Data(contentsOf: CLIRunner.repoRoot.appendingPathComponent("\(submissions)/pass-acme.zip")))
        let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        let start = try #require((0...(bytes.count - 4)).first { Array(bytes[$0..<$0 + 4]) == signature })
        bytes.replaceSubrange(start + 16..<start + 20, with: [0xEF, 0xBE, 0xAD, 0xDE])
        return Data(bytes)
    }

    @Test("a crafted zip between two good submissions is a read error, exit 2, and all three get reports")
    func craftedZipInABatch() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "qrconform-certify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let crafted = work.appendingPathComponent("crafted.zip")
        try Self.badChecksumZip().write(to: crafted)
        let out = work.appendingPathComponent("reports").path
        let run = try CLIRunner.run([
            "certify", "--test-plan", "\(Self.submissions)/test-plan.json",
            "--trust-list", "TestVectors/keys/test-trust-list.jwks.json", "--at", "2026-01-15T00:00:00Z",
            "--output", out, "--jobs", "1", "\(Self.submissions)/pass-acme", crafted.path,
            "\(Self.submissions)/pass-acme.zip",
        ])
        #expect(run.status == 2, "\(run.stderr)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(folders == ["ACME-PASS-ACME", "ACME-PASS-ACME-ZIP", "crafted"])
        let report =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: "\(out)/crafted/report.json"))) as? [String: Any]
        let error = try #require(report?["error"] as? [String: Any])
        #expect(error["code"] as? String == "corrupt-zip")
        let message = try #require(error["message"] as? String)
        #expect(message.hasPrefix("\(crafted.path): entry \""))
        #expect(message.hasSuffix("but the zip records 0xDEADBEEF"))
        #expect(!run.stderr.contains("SUB-001"))
        for good in ["ACME-PASS-ACME", "ACME-PASS-ACME-ZIP"] {
            let json =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: "\(out)/\(good)/report.json"))) as? [String: Any]
            #expect(json?["verdict"] as? String == "pass", "\(good)")
        }
    }

    /// A fault in the worker that reads a submission, and the error code its report gets.
    struct ReaderFault: CustomTestStringConvertible, Sendable {
        let fault: String
        /// --image-timeout, which also bounds reading one submission; long enough for the good screenshots.
        let timeout: String
        let code: String
        let message: String
        var testDescription: String { fault }
    }

    @Test(
        "a reader that crashes or hangs on one submission costs only that one: the two around it are judged, exit 2",
        arguments: [
            ReaderFault(
                fault: "crash-read=faulty", timeout: "30", code: "reader-crashed",
                message: "the submission reader crashed (signal 6 (Aborted)); the other submissions were still judged"),
            ReaderFault(
                fault: "hang-read=faulty", timeout: "20", code: "timed-out",
                message: "reading the submission timed out after 20 s; the reader was stopped and the other "
                    + "submissions were still judged"),
        ])
    func readerFaultInABatch(_ fault: ReaderFault) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "qrconform-certify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let faulty = work.appendingPathComponent("faulty.zip")
        try FileManager.default.copyItem(
            at: CLIRunner.repoRoot.appendingPathComponent("\(Self.submissions)/pass-acme.zip"), to: faulty)
        let out = work.appendingPathComponent("reports").path
        let run = try CLIRunner.run(
            [
                "certify", "--test-plan", "\(Self.submissions)/test-plan.json",
                "--trust-list", "TestVectors/keys/test-trust-list.jwks.json", "--at", "2026-01-15T00:00:00Z",
                "--output", out, "--jobs", "1", "--image-timeout", fault.timeout, "\(Self.submissions)/pass-acme",
                faulty.path, "\(Self.submissions)/pass-acme.zip",
            ], environment: ["QRCONFORM_TEST_FAULTS": fault.fault])
        #expect(run.status == 2, "\(run.stderr)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(folders == ["ACME-PASS-ACME", "ACME-PASS-ACME-ZIP", "faulty"])
        let report =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: "\(out)/faulty/report.json"))) as? [String: Any]
        #expect(report?["verdict"] as? String == "error")
        let error = try #require(report?["error"] as? [String: Any])
        #expect(error["code"] as? String == fault.code)
        #expect(error["message"] as? String == "\(faulty.path): \(fault.message)")
        for good in ["ACME-PASS-ACME", "ACME-PASS-ACME-ZIP"] {
            let json =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: "\(out)/\(good)/report.json"))) as? [String: Any]
            #expect(json?["verdict"] as? String == "pass", "\(good)")
        }
    }

    @Test("a report folder that cannot be made is exit 2 naming the folder and the OS's reason")
    func reportFolderCannotBeMade() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "qrconform-certify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let file = work.appendingPathComponent("a-file")
        try Data("not a folder".utf8).write(to: file)
        let run = try CLIRunner.run([
            "certify", "--test-plan", "\(Self.submissions)/test-plan.json",
            "--trust-list", "TestVectors/keys/test-trust-list.jwks.json", "--at", "2026-01-15T00:00:00Z",
            "--output", file.appendingPathComponent("reports").path, "--jobs", "1", "\(Self.submissions)/pass-acme",
        ])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(
            run.stderr.contains(
                "qrconform: \(file.path)/reports/ACME-PASS-ACME: cannot create the report folder: Not a directory\n"))
        #expect(!run.stderr.contains("NSCocoaErrorDomain"))
    }
}
