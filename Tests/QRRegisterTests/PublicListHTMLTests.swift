import Foundation
import QRConformance
import QRTestSupport
import Testing

@testable import QRRegister

@Suite struct PublicListHTMLTests {
    static func list() -> PublicList {
        var hostile = RegisterFixtures.run(
            RegisterFixtures.report(
                app: "<script>alert(1)</script>", findings: [RegisterFixtures.finding("SUB-004", .fail)]), contents: nil
        )
        hostile.id = 1
        hostile.vendor = "A&B \"Vendor\""
        var plain = RegisterFixtures.run(RegisterFixtures.report(app: "Sen Vang"), contents: nil)
        plain.id = 2
        return PublicList(runs: [hostile, plain])
    }

    @Test func vendorTextIsEscapedAndThePageReachesNothingOutside() {
        let html = String(decoding: PublicListHTML.render(Self.list()), as: UTF8.self)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("A&amp;B &quot;Vendor&quot;"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("default-src 'none'"))
        for external in ["http://", "https://", "src=", "href=", "@import", "url("] {
            #expect(!html.contains(external), "\(external)")
        }
        #expect(html.contains("Kết quả / Verdict") && html.contains("ĐẠT / PASS"))
    }

    @Test func theJSONListHasSortedKeysAndOneEntryPerRun() throws {
        let json = String(decoding: try Self.list().jsonData(), as: UTF8.self)
        #expect(json.hasSuffix("}\n"))
        let app = try #require(json.range(of: "\"app\""))
        let vendor = try #require(json.range(of: "\"vendor\""))
        #expect(app.lowerBound < vendor.lowerBound)
        #expect(Self.list().apps.map(\.run) == [1, 2])
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(.enabled(if: chromium != nil, "needs headless Chromium (apt-get install chromium)"))
    func theInlineFilterWorksInHeadlessChromium() throws {
        let folder = try RegisterFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("list.html")
        try Data(PublicListHTML.render(Self.list())).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.path("scripts/check-register-html"))
        process.arguments = [file.path, "1"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("all rows: 2 / 2 ứng dụng / apps; #certified: 1 / 2"), "\(output)")
    }
}
