import Foundation
import QRTestSupport
import Testing

@Suite("qrconform decode")
struct DecodeCommandTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let files: [String]
        let status: Int32
        let symbolCounts: [Int]
        var testDescription: String { "\(files.joined(separator: " ")) → exit \(status)" }
    }

    static let cases = [
        Case(files: ["qr_dark_on_light.png"], status: 0, symbolCounts: [1]),
        Case(files: ["qr_light_on_dark.png"], status: 0, symbolCounts: [1]),
        Case(files: ["qr_normal_and_inverted.png"], status: 0, symbolCounts: [2]),
        Case(files: ["qr_two_identical.png"], status: 0, symbolCounts: [2]),
        Case(files: ["no_qr.png", "qr_dark_on_light.png"], status: 1, symbolCounts: [0, 1]),
        Case(files: ["truncated.png", "qr_dark_on_light.png"], status: 2, symbolCounts: [0, 1]),
        Case(files: ["not_a_png.png", "no_qr.png"], status: 2, symbolCounts: [0, 0]),
        Case(files: ["huge_header.png"], status: 2, symbolCounts: [0]),
    ]

    @Test("exit status and one entry per image, in input order", arguments: cases)
    func exitStatusAndEntries(c: Case) throws {
        let run = try CLIRunner.run(["decode"] + c.files.map(CLIRunner.fixture))
        #expect(run.status == c.status, "stderr: \(run.stderr)")
        let images = try #require(run.json?["images"] as? [[String: Any]])
        #expect(images.map { ($0["symbols"] as? [Any])?.count ?? -1 } == c.symbolCounts)
        #expect(images.map { $0["file"] as? String } == c.files.map(CLIRunner.fixture))
    }

    @Test("an unreadable input is named in the message and the report, and the others are still decoded")
    func unreadableInputIsNamed() throws {
        let bad = CLIRunner.fixture("truncated.png")
        let run = try CLIRunner.run(["decode", bad, CLIRunner.fixture("qr_dark_on_light.png")])
        #expect(run.stderr.contains("\(bad): truncated PNG"))
        let images = try #require(run.json?["images"] as? [[String: Any]])
        let error = try #require(images.first?["error"] as? [String: Any])
        #expect(error["code"] as? String == "png-truncated")
        #expect((images.last?["symbols"] as? [Any])?.count == 1)
    }

    @Test("payload bytes, text and fields of a symbol")
    func symbolFields() throws {
        let run = try CLIRunner.run([
            "decode", CLIRunner.fixture("qr_invalid_utf8.png"), CLIRunner.fixture("phys460.png"),
        ])
        let images = try #require(run.json?["images"] as? [[String: Any]])
        let symbol = try #require((images.first?["symbols"] as? [[String: Any]])?.first)
        #expect(symbol["text"] is NSNull)
        // Without --reveal-personal-data the bytes are never shown, whatever their shape; their digest is.
        #expect(symbol["data_b64"] is NSNull)
        #expect((symbol["payload_sha256"] as? String)?.count == 64)
        let revealed = try CLIRunner.run(["decode", "--reveal-personal-data", CLIRunner.fixture("qr_invalid_utf8.png")])
        let shown = try #require(
            ((revealed.json?["images"] as? [[String: Any]])?.first?["symbols"] as? [[String: Any]])?.first)
        #expect(
            shown["data_b64"] as? String
                == Data(Array("ID|".utf8) + [0xFF, 0xFE, 0x80] + Array(" not utf-8".utf8)).base64EncodedString())
        #expect(symbol["polarity"] as? String == "dark-on-light")
        #expect((symbol["polygon"] as? [[Double]])?.count == 4)
        #expect(images.first?["ppi"] is NSNull)
        #expect(images.last?["ppi"] as? Double == 459.99)
        #expect((images.first?["sha256"] as? String)?.count == 64)
    }

    @Test("on a 1080×2340 screenshot decode prints the exact payload and corners within 2 px of the truth")
    func screenshotCorners() throws {
        let truthData = try Data(contentsOf: URL(fileURLWithPath: CLIRunner.fixture("fixtures.json")))
        let truth = try #require(
            (try JSONSerialization.jsonObject(with: truthData) as? [String: Any])?["screenshot_1080x2340.png"]
                as? [String: Any])
        let corners = try #require(truth["corners"] as? [[Double]])
        let run = try CLIRunner.run(["decode", "--reveal-personal-data", CLIRunner.fixture("screenshot_1080x2340.png")])
        let symbol = try #require(
            ((run.json?["images"] as? [[String: Any]])?.first?["symbols"] as? [[String: Any]])?.first)
        #expect(symbol["text"] as? String == (truth["payloads"] as? [String])?.first)
        let polygon = try #require(symbol["polygon"] as? [[Double]])
        #expect(polygon.count == 4)
        for (got, want) in zip(polygon, corners) {
            #expect(abs(got[0] - want[0]) <= 2 && abs(got[1] - want[1]) <= 2, "corner \(got) vs \(want)")
        }
    }

    @Test("personal fields of a 1405 payload are masked unless --reveal-personal-data")
    func personalDataIsMasked() throws {
        let file = CLIRunner.fixture("qr_dark_on_light.png")
        let masked = String(decoding: try CLIRunner.run(["decode", file]).stdout, as: UTF8.self)
        for secret in ["001093029317", "1987-01-18", "0944713700", "HS4010120878821", "MDAxMDkz"] {
            #expect(!masked.contains(secret), "\(secret) leaked")
        }
        #expect(
            masked.contains(
                "******029317|NGUYEN LE KHA HAN|1987-**-**|0|***************100|<1<************821<*******700"))
        let revealed = String(
            decoding: try CLIRunner.run(["decode", "--reveal-personal-data", file]).stdout, as: UTF8.self)
        #expect(revealed.contains("001093029317|NGUYEN LE KHA HAN|1987-01-18"))
    }

    @Test("usage errors exit 64")
    func usageError() throws {
        #expect(try CLIRunner.run(["decode"]).status == 64)
        #expect(try CLIRunner.run(["no-such-command"]).status == 64)
    }

    @Test("the output is byte-identical across runs")
    func deterministic() throws {
        let args = [
            "decode", CLIRunner.fixture("qr_normal_and_inverted.png"), CLIRunner.fixture("screenshot_1080x2340.png"),
        ]
        #expect(try CLIRunner.run(args).stdout == (try CLIRunner.run(args).stdout))
    }
}
