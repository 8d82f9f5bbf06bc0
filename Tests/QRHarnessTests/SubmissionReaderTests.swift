import Foundation
import QRConformance
import QRHarness
import Testing

@Suite(.serialized) struct SubmissionReaderTests {
    typealias S = SubmissionTestSupport

    /// Every path under a folder, to show that reading wrote nothing.
    static func tree(_ url: URL) -> [String] {
        (FileManager.default.enumerator(atPath: url.path)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func readsFoldersAndZipsAlike() throws {
        let folder = try SubmissionReader.read(path: S.path("pass-acme"))
        let zip = try SubmissionReader.read(path: S.path("pass-acme.zip"))
        #expect(folder.files.keys.sorted() == ["p01-default.png", "p01-full.png", "p02-default.png", "p02-full.png"])
        #expect(zip.files == folder.files)
        #expect(folder.manifest != nil)
    }

    @Test func hostileZipsAreRefusedWithClearErrorsAndNothingWritten() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "qrconform-hostile-\(UUID().uuidString)")
        let hostile = work.appendingPathComponent("hostile")
        defer { try? FileManager.default.removeItem(at: work) }
        let generated = try S.runPython([
            S.root.appendingPathComponent("scripts/gen_submissions.py").path, "--hostile", hostile.path,
        ])
        try #require(generated.status == 0, "\(generated.stderr)")
        for name in ["zip-slip.zip", "symlink.zip"] {
            try FileManager.default.copyItem(atPath: S.path(name), toPath: hostile.appendingPathComponent(name).path)
        }
        let before = Self.tree(work)
        let expected: [(String, SubmissionError.Code, String)] = [
            (
                "zip-slip.zip", .unsafeEntry,
                "entry \"../evil.png\" leaves the submission root ('..' or '.' in the path)"
            ),
            ("symlink.zip", .unsafeEntry, "entry \"evil.png\" is a symbolic link; links are refused"),
            ("many-entries.zip", .tooManyEntries, "the zip has more than 1000 entries; refused before unpacking"),
            (
                "zip-bomb.zip", .tooLarge,
                "the entries declare to more than 134217728 bytes; refused as a possible zip bomb"
            ),
            (
                "zip-bomb-lying.zip", .tooLarge,
                "entry \"bomb.png\" unpacks to more than the 1000 bytes the zip records; refused as a possible zip bomb"
            ),
        ]
        for (name, code, cause) in expected {
            let path = hostile.appendingPathComponent(name).path
            do {
                _ = try SubmissionReader.read(path: path)
                Issue.record("\(name) was accepted")
            } catch {
                #expect(error.code == code, "\(name)")
                #expect(error.description == "\(path): \(cause)")
            }
        }
        #expect(Self.tree(work) == before)
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("evil.png").path))
    }

    @Test func foldersRefuseSymlinksAndOtherFiles() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "qrconform-folder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: work.appendingPathComponent("submission.json"))
        try FileManager.default.createSymbolicLink(
            atPath: work.appendingPathComponent("a.png").path, withDestinationPath: "/etc/passwd")
        #expect(
            throws: SubmissionError.submission(
                code: .unsafeEntry, path: work.path, cause: "entry \"a.png\" is a symbolic link; links are refused")
        ) {
            try SubmissionReader.read(path: work.path)
        }
        try FileManager.default.removeItem(at: work.appendingPathComponent("a.png"))
        let fifo = work.appendingPathComponent("b.png").path
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(
            throws: SubmissionError.submission(
                code: .unreadable, path: fifo, cause: "it is a named pipe (FIFO), not a regular file")
        ) {
            try SubmissionReader.read(path: work.path)
        }
        try FileManager.default.removeItem(atPath: fifo)
        try Data("x".utf8).write(to: work.appendingPathComponent("notes.txt"))
        #expect(
            throws: SubmissionError.submission(
                code: .notAllowed, path: work.path,
                cause: "entry \"notes.txt\" is not allowed: a submission holds only submission.json and PNG screenshots"
            )
        ) {
            try SubmissionReader.read(path: work.path)
        }
    }

    @Test(arguments: [("../../etc/x.zip", "x"), ("/a/b/ACME 1.zip", "ACME_1"), ("/a/..", "submission")])
    func outputNamesStayInsideTheOutputFolder(_ entry: (String, String)) {
        #expect(SubmissionCertifier.outputName(forPath: entry.0) == entry.1)
    }
}
