import Foundation
import QRTestSupport
import Testing

/// Inputs that cannot be used get a message naming the file and what is wrong with it, never a Cocoa error code.
@Suite("input messages", .serialized)
struct InputMessageTests {
    static let cases: [(String, [String], String)] = [
        (
            "FIFO as image", ["decode", "$/fifo.png"],
            "$/fifo.png: cannot read the file: it is a named pipe (FIFO), not a regular file"
        ),
        (
            "symlink loop as spec", ["spec", "show", "$/loop.json"],
            "$/loop.json: cannot read the file: a loop of symbolic links"
        ),
        ("folder as spec", ["spec", "show", "$/folder"], "$/folder: cannot read the file: it is a folder, not a file"),
        (
            "malformed spec JSON", ["spec", "show", "$/bad.json"],
            "$/bad.json: not valid JSON: line 2, column 1: a trailing comma before '}'"
        ),
        (
            "merge of bad JSON", ["merge", "$/bad.json"],
            "$/bad.json: not valid JSON: line 2, column 1: a trailing comma before '}'"
        ),
        (
            "merge of a non-report", ["merge", "$/other.json"],
            "$/other.json: not a qrconform check report: line 1, column 1: missing member \"format\" (at /)"
        ),
        (
            "JPEG named .png", ["decode", "$/photo.png"],
            "$/photo.png: this is a JPEG image, not a PNG; screenshots must be lossless PNG files (do not convert or rename)"
        ),
        (
            "folder as trust list", ["check", "--trust-list", "$/folder", "$/photo.png"],
            "trust list $/folder: cannot read the file: it is a folder, not a file"
        ),
    ]

    @Test(arguments: cases.map(\.0))
    func unusableInputsAreNamedWithTheProblem(_ name: String) throws {
        let (_, arguments, message) = try #require(Self.cases.first { $0.0 == name })
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "qrconform-inputs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(
            at: work.appendingPathComponent("folder"), withIntermediateDirectories: true)
        #expect(mkfifo(work.appendingPathComponent("fifo.png").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: work.appendingPathComponent("loop.json").path, withDestinationPath: "loop.json")
        try Data("{\"format_version\": 1,\n}".utf8).write(to: work.appendingPathComponent("bad.json"))
        try Data("{\"a\": 1}".utf8).write(to: work.appendingPathComponent("other.json"))
        try Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8)).write(
            to: work.appendingPathComponent("photo.png"))
        let run = try CLIRunner.run(arguments.map { $0.replacingOccurrences(of: "$", with: work.path) })
        #expect(run.status == 2, "\(run.stderr)")
        #expect(
            run.stderr.contains("qrconform: " + message.replacingOccurrences(of: "$", with: work.path)), "\(run.stderr)"
        )
    }
}

/// File names that are not valid UTF-8 (Swift repairs such arguments, so the file could not be opened) stop the
/// run with the name's bad bytes escaped, instead of a "no such file" for a name the user never typed.
@Suite("non-UTF-8 arguments")
struct NonUTF8ArgumentTests {
    /// The file's name as a printf(1) format (octal escapes for raw bytes) and the message's escaped form of it;
    /// nil: the name is valid UTF-8 and is read as usual.
    static let cases: [(printf: String, escaped: String?)] = [
        ("photo\\377.png", "photo\\xFF.png"),
        ("caf\\303.png", "caf\\xC3.png"),
        ("\\351t\\351 \\303\\251.png", "\\xE9t\\xE9 é.png"),
        ("caf\\303\\251.png", nil),
    ]

    @Test(arguments: cases.map(\.printf))
    func nonUTF8FileNameIsNamedEscaped(_ name: String) throws {
        let escaped = try #require(Self.cases.first { $0.printf == name }).escaped
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("qrconform-names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The name is made and passed by the shell, since Process takes its arguments as Strings (always UTF-8).
        process.arguments = [
            "-c", "name=$(printf \"%s/\(name)\" \"$1\"); printf 'not a png' > \"$name\"; exec \"$0\" decode \"$name\"",
            CLIRunner.binary.path, work.path,
        ]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2, "\(stderr)")
        if let escaped {
            #expect(
                stderr == "qrconform: argument 2, \"\(work.path)/\(escaped)\", is not valid UTF-8: Swift hands a "
                    + "program its arguments as UTF-8 text, so a file with this name cannot be opened; rename it to a UTF-8 "
                    + "name (e.g. convmv -f latin1 -t utf8 --notest FILE) or link it under one\n")
        } else {
            #expect(!stderr.contains("UTF-8"), "\(stderr)")
            #expect(!stderr.contains("no such file"), "\(stderr)")
        }
    }
}
