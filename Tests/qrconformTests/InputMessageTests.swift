import Foundation
import QRTestSupport
import Testing

/// Inputs that cannot be used get a message naming the file and what is wrong with it, never a Cocoa error code.
@Suite("input messages", .serialized)
struct InputMessageTests {
    static let cases: [(String, [String], String)] = [
        ("FIFO as image", ["decode", "$/fifo.png"], "$/fifo.png: cannot read the file: it is a named pipe (FIFO), not a regular file"),
        ("symlink loop as spec", ["spec", "show", "$/loop.json"], "$/loop.json: cannot read the file: a loop of symbolic links"),
        ("folder as spec", ["spec", "show", "$/folder"], "$/folder: cannot read the file: it is a folder, not a file"),
        ("malformed spec JSON", ["spec", "show", "$/bad.json"], "$/bad.json: not valid JSON: line 2, column 1: a trailing comma before '}'"),
        ("merge of bad JSON", ["merge", "$/bad.json"], "$/bad.json: not valid JSON: line 2, column 1: a trailing comma before '}'"),
        ("merge of a non-report", ["merge", "$/other.json"], "$/other.json: not a qrconform check report: missing member \"format\" at /"),
        ("JPEG named .png", ["decode", "$/photo.png"],
         "$/photo.png: this is a JPEG image, not a PNG; screenshots must be lossless PNG files (do not convert or rename)"),
        ("folder as trust list", ["check", "--trust-list", "$/folder", "$/photo.png"], "trust list $/folder: cannot read the file: it is a folder, not a file"),
    ]

    @Test(arguments: cases.map(\.0))
    func unusableInputsAreNamedWithTheProblem(_ name: String) throws {
        let (_, arguments, message) = try #require(Self.cases.first { $0.0 == name })
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("qrconform-inputs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work.appendingPathComponent("folder"), withIntermediateDirectories: true)
        #expect(mkfifo(work.appendingPathComponent("fifo.png").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent("loop.json").path, withDestinationPath: "loop.json")
        try Data("{\"format_version\": 1,\n}".utf8).write(to: work.appendingPathComponent("bad.json"))
        try Data("{\"a\": 1}".utf8).write(to: work.appendingPathComponent("other.json"))
        try Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8)).write(to: work.appendingPathComponent("photo.png"))
        let run = try CLIRunner.run(arguments.map { $0.replacingOccurrences(of: "$", with: work.path) })
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("qrconform: " + message.replacingOccurrences(of: "$", with: work.path)), "\(run.stderr)")
    }
}
