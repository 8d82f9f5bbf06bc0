import Foundation
import QRTestSupport
import Testing

/// libtesseract is opened only when screen text is read: a run that reads no text does not pay for loading it and
/// the 56 libraries it links, in the driver or in its workers. Observed with the dynamic loader's own log.
@Suite struct TesseractLoadingTests {
    static let image = "TestVectors/examples/conformant-screenshot.png"
    static let trust = ["--trust-list", "TestVectors/keys/test-trust-list.jwks.json", "--at", "2026-11-28T00:00:00Z"]

    /// Whether any process of the run (the driver, its workers) loaded libtesseract; the loader writes its log of
    /// each process to a file of its own (LD_DEBUG_OUTPUT), not to the pipes the run is read through.
    static func loadsTesseract(_ arguments: [String]) throws -> Bool {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qrconform-ld-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLIRunner.run(
            arguments, environment: ["LD_DEBUG": "libs", "LD_DEBUG_OUTPUT": folder.appendingPathComponent("ld").path])
        #expect(run.json != nil, "\(run.stderr.suffix(400))")
        let logs = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        #expect(!logs.isEmpty)
        return try logs.contains { try String(contentsOf: $0, encoding: .utf8).contains("libtesseract") }
    }

    @Test("check without a display mode and decode never load libtesseract")
    func noTextNoTesseract() throws {
        #expect(try !Self.loadsTesseract(["check", "--quiet"] + Self.trust + [Self.image]))
        #expect(try !Self.loadsTesseract(["decode", Self.image]))
    }

    @Test("check with a display mode loads libtesseract in the worker that reads the text")
    func displayModeLoadsTesseract() throws {
        #expect(try Self.loadsTesseract(["check", "--quiet", "--display-mode", "default"] + Self.trust + [Self.image]))
    }
}
