import Foundation
import QRTestSupport
import Testing

/// Every screenshot is decoded once per run, in a worker: the HTML crops are cut where the image was judged, not by
/// reading it again in the driver (`QRCONFORM_DECODE_LOG` makes every PNG decode append the image's name).
@Suite("each PNG decoded once", .serialized)
struct DecodeOnceTests {
    static func decodes(_ arguments: [String]) throws -> (run: CLIRunner.Run, names: [String: Int]) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent(
            "qrconform-decodes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: log) }
        let run = try CLIRunner.run(arguments, environment: ["QRCONFORM_DECODE_LOG": log.path])
        let lines = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        return (run, Dictionary(lines.map { ($0, 1) }, uniquingKeysWith: +))
    }

    @Test("check --format html of N images decodes each once")
    func checkHTML() throws {
        let images = ["conformant-screenshot", "two-codes", "inverted", "no-quiet-zone"].map {
            "TestVectors/examples/\($0).png"
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "qrconform-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: output) }
        let (run, names) = try Self.decodes(
            [
                "check", "--format", "html", "--jobs", "2", "--quiet", "--output", output.path,
                "--trust-list", "TestVectors/keys/test-trust-list.jwks.json", "--at", "2026-11-28T00:00:00Z",
            ] + images)
        #expect([0, 1].contains(run.status), "\(run.stderr)")
        #expect(names == Dictionary(uniqueKeysWithValues: images.map { ($0, 1) }))
        let html = try String(contentsOf: output, encoding: .utf8)
        #expect(html.components(separatedBy: "data:image/png;base64,").count - 1 == images.count, "one crop per image")
    }

    @Test("certify of a submission of N screenshots decodes each once")
    func certify() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent(
            "qrconform-decodes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let (run, names) = try Self.decodes([
            "certify", "--test-plan", "TestVectors/submissions/test-plan.json",
            "--trust-list", "TestVectors/keys/test-trust-list.jwks.json", "--at", "2026-01-15T00:00:00Z",
            "--output", out.path, "--jobs", "2", "TestVectors/submissions/pass-acme.zip",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let screenshots = ["p01-default.png", "p01-full.png", "p02-default.png", "p02-full.png"]
        #expect(names == Dictionary(uniqueKeysWithValues: screenshots.map { ($0, 1) }))
        let html = try String(contentsOf: out.appendingPathComponent("ACME-PASS-ACME-ZIP/report.html"), encoding: .utf8)
        // Per screenshot the QR crop and the scannability ladder's checkpoint view (certify runs the ladder).
        #expect(html.components(separatedBy: "data:image/png;base64,").count - 1 == 2 * screenshots.count)
    }

    @Test("a display finding's screen box crosses the worker boundary typed and is drawn in the HTML report")
    func screenMapFromTheWorker() throws {
        let screen = "TestVectors/screens/png/074-label-spread-default-conformant.png"
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "qrconform-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: output) }
        let (run, names) = try Self.decodes(
            [
                "check", "--format", "html", "--quiet", "--output", output.path, "--display-mode", "default",
                "--trust-list", "TestVectors/keys/test-trust-list.jwks.json", "--at", "2026-11-28T00:00:00Z", screen,
            ])
        #expect([0, 1, 3].contains(run.status), "\(run.stderr)")
        #expect(names == [screen: 1])
        let html = try String(contentsOf: output, encoding: .utf8)
        #expect(html.contains("class=\"screenmap\""))
        #expect(html.contains(">DSP-002</text>"))
    }
}
