import Foundation
import QRTestSupport
import Testing

@Suite("batch runs: workers, isolation, shards")
struct BatchTests {
    static let trust = [
        "--at", "2026-11-28T00:00:00Z", "--trust-list", "TestVectors/keys/test-trust-list.jwks.json",
        "--device", "Google Pixel 7",
    ]
    static let examples = [
        "conformant-screenshot.png", "ec-level-L.png", "inverted.png", "masked-id.png", "no-quiet-zone.png",
        "two-codes.png", "unsigned.png",
    ].map { "TestVectors/examples/\($0)" }

    @Test("a crash and a hang in one image each cost only that image; every other image is judged; exit 2")
    func crashAndHangAreContained() throws {
        let run = try CLIRunner.run(
            ["check", "--jobs", "2", "--image-timeout", "3"] + Self.trust + Self.examples,
            environment: ["QRCONFORM_TEST_FAULTS": "crash=two-codes;hang=inverted"])
        #expect(run.status == 2)
        let images = try #require(run.json?["images"] as? [[String: Any]])
        #expect(images.count == Self.examples.count)
        let codes = images.map { ($0["error"] as? [String: Any])?["code"] as? String }
        #expect(codes == [nil, nil, "timed-out", nil, nil, "decoder-crashed", nil])
        #expect(images.map { $0["verdict"] as? String } == ["pass", "fail", "error", "fail", "fail", "error", "fail"])
        #expect(run.stderr.contains("two-codes.png: decoder crashed"))
        #expect(run.stderr.contains("inverted.png: timed out after 3 s"))
    }

    @Test("a worker that cannot start is reported as such for every image, not as a decoder crash")
    func workerThatCannotStart() throws {
        let run = try CLIRunner.run(
            ["check", "--jobs", "2"] + Self.trust + Array(Self.examples.prefix(3)),
            environment: ["QRCONFORM_TEST_FAULTS": "crash-start=1"])
        #expect(run.status == 2)
        let images = try #require(run.json?["images"] as? [[String: Any]])
        let codes = images.map { ($0["error"] as? [String: Any])?["code"] as? String }
        #expect(codes == ["worker-failed", "worker-failed", "worker-failed"])
        #expect(run.stderr.contains("the worker process could not start"))
        #expect(!run.stderr.contains("decoder crashed"))
    }

    @Test("a worker refuses a configuration whose spec bytes are not the ones the report names, and says why")
    func workerChecksTheDriversDigests() throws {
        let path = "spec/vn-personal-qr/1.1/rules.json"
        let bytes = try Data(contentsOf: CLIRunner.repoRoot.appendingPathComponent(path))
        let frame: [String: Any] = [
            "spec": [
                "source": ["file": ["path": path, "bytes": bytes.base64EncodedString()]],
                "sha256": String(repeating: "0", count: 64),
            ],
            "validationTimeSinceReferenceDate": 0, "revealPersonalData": false, "maxPixels": 1000,
            "maxFileBytes": 1000, "scannability": false,
        ]
        let line = try JSONSerialization.data(withJSONObject: frame) + Data("\n".utf8)
        let run = try CLIRunner.run(["worker"], input: line)
        #expect(run.status == 2)
        let out = String(decoding: run.stdout, as: UTF8.self)
        #expect(out.hasPrefix("QRC-FAILED "), "\(out)")
        #expect(out.contains("the spec \(path): changed while the run was going on"))
        #expect(out.contains("the report names \(String(repeating: "0", count: 64))"))
    }

    @Test("a worker whose first line is not a configuration refuses to start, and the worker takes no options")
    func workerNeedsItsConfigurationFrame() throws {
        let run = try CLIRunner.run(["worker"], input: Data("{\"index\":0,\"path\":\"a.png\"}\n".utf8))
        #expect(run.status == 2)
        let out = String(decoding: run.stdout, as: UTF8.self)
        #expect(out.hasPrefix("QRC-FAILED "), "\(out)")
        #expect(out.contains("the first line is not a worker configuration"))
        let old = try CLIRunner.run(["worker", "--spec", "vn-personal-qr@1.1"], input: Data())
        #expect(old.status != 0)
        #expect(old.stderr.contains("--spec"), "\(old.stderr)")
    }

    @Test("the report is the same whatever the number of workers")
    func jobsDoNotChangeTheReport() throws {
        let one = try CLIRunner.run(["check", "--jobs", "1"] + Self.trust + Self.examples)
        let three = try CLIRunner.run(["check", "--jobs", "3"] + Self.trust + Self.examples)
        #expect(one.status == 1)
        #expect(one.stdout == three.stdout)
    }

    @Test("merged shard reports equal the unsharded report byte for byte", arguments: [1, 2, 3])
    func shardsMergeBack(n: Int) throws {
        let inputs = Self.examples + [CLIRunner.fixture("truncated.png")]
        let whole = try CLIRunner.run(["check"] + Self.trust + inputs)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shards-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        for k in (1...n).reversed() {
            let path = dir.appendingPathComponent("shard\(k).json").path
            _ = try CLIRunner.run(["check", "--shard", "\(k)/\(n)", "--output", path] + Self.trust + inputs)
            paths.append(path)
        }
        let merged = try CLIRunner.run(["merge"] + paths)
        #expect(merged.status == whole.status)
        #expect(merged.stdout == whole.stdout)
    }

    @Test("merge refuses an incomplete set of shards")
    func mergeNeedsEveryShard() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shards-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("shard1.json").path
        _ = try CLIRunner.run(["check", "--shard", "1/2", "--output", path] + Self.trust + Self.examples)
        let merged = try CLIRunner.run(["merge", path])
        #expect(merged.status == 2)
        #expect(merged.stderr.contains("shard 2 is missing"))
    }
}
