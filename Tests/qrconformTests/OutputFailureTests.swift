import Foundation
import QRTestSupport
import Testing

/// Output that cannot be written is exit 2 with the target and the OS reason, in every command; never a trap,
/// never exit 0 with the output lost, and never a deleted folder.
@Suite("output failures")
struct OutputFailureTests {
    static let image = "TestVectors/examples/conformant-screenshot.png"
    static let check = [
        "check", "--at", "2026-11-28T00:00:00Z", "--trust-list", "TestVectors/keys/test-trust-list.jwks.json",
        "--device", "Google Pixel 7",
    ]
    static let full = "qrconform: standard output: cannot write: No space left on device\n"
    static let closed = "qrconform: standard output: cannot write: Bad file descriptor\n"

    static let cases: [(String, [String], String, String)] = [
        ("decode > /dev/full", ["decode", image], "> /dev/full", full),
        ("decode >&-", ["decode", image], ">&-", closed),
        ("check > /dev/full", check + [image], "> /dev/full", full),
        ("check junit > /dev/full", check + ["--format", "junit", image], "> /dev/full", full),
        ("check html >&-", check + ["--format", "html", image], ">&-", closed),
        ("spec list > /dev/full", ["spec", "list"], "> /dev/full", full),
        ("spec show > /dev/full", ["spec", "show", "vn-personal-qr"], "> /dev/full", full),
        ("spec lint > /dev/full", ["spec", "lint", "spec/vn-personal-qr/1.1/rules.json"], "> /dev/full", full),
        ("vectors validate >&-", ["vectors", "validate"], ">&-", closed),
    ]

    @Test(arguments: cases.map(\.0))
    func unwritableStandardOutput(_ name: String) throws {
        let (_, arguments, redirect, message) = try #require(Self.cases.first { $0.0 == name })
        let run = try CLIRunner.run(arguments, stdoutRedirect: redirect)
        #expect(run.status == 2)
        #expect(run.stderr.hasSuffix(message), "\(run.stderr)")
    }

    @Test func aReaderThatWentAwayIsABrokenPipe() throws {
        let run = try CLIRunner.runWithClosedPipe(["decode", Self.image])
        #expect(run.status == 2)
        #expect(run.stderr.hasSuffix("qrconform: standard output: cannot write: Broken pipe\n"), "\(run.stderr)")
    }

    @Test(arguments: ["json", "junit", "html"])
    func anExistingFolderAsOutputIsRefusedAndKept(_ format: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qrconform-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: folder.appendingPathComponent("earlier-report.json"))
        let run = try CLIRunner.run(Self.check + ["--format", format, "--output", folder.path, Self.image])
        #expect(run.status == 2)
        #expect(
            run.stderr
                == "qrconform: \(folder.path): is a folder; give a file name for the report (the folder is left as it is)\n"
        )
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["earlier-report.json"])
    }

    @Test func aMissingOutputFolderIsExit2WithTheReason() throws {
        let run = try CLIRunner.run(Self.check + ["--output", "missing-folder/x.json", Self.image])
        #expect(run.status == 2)
        #expect(
            run.stderr == "qrconform: missing-folder/x.json: cannot create the report file: No such file or directory\n"
        )
    }

    @Test func anExistingReportFileIsReplaced() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qrconform-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("old".utf8).write(to: file)
        let run = try CLIRunner.run(Self.check + ["--output", file.path, Self.image])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        #expect(report?["verdict"] as? String == "pass")
    }
}
