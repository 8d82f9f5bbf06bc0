import Foundation
import QRConformance
import QRConformanceReports
import Testing

@Suite struct HTMLRendererTests {
    typealias F = ReportRendererFixtures

    static func html(error: ImageError? = nil) throws -> String {
        let spec = try SpecCatalog.load(named: SpecCatalog.defaultID).spec
        let view = ReportView(submission: try F.report(error: error), spec: spec)
        return String(decoding: HTMLRenderer.render(view, visuals: ["p01 <default>.png": F.visual]), as: UTF8.self)
    }

    @Test func selfContainedWithoutExternalReferences() throws {
        let html = try Self.html()
        for pattern in ["http:", "https:", "//", "url(", "<script", "<link", "@import", "src=\"/", "src=\"."] {
            #expect(!html.contains(pattern), "found \(pattern)")
        }
        #expect(html.contains("src=\"data:image/png;base64,iVBORw==\""))
    }

    @Test func verdictFirstThenFailedGroupsAndRulesFirst() throws {
        let html = try Self.html()
        let verdict = try #require(html.range(of: "id=\"verdict\""))
        let firstSection = try #require(html.range(of: "<section>"))
        #expect(verdict.lowerBound < firstSection.lowerBound)
        #expect(
            html.contains("LỖI KIỂM TRA / ERROR"), "a screenshot the harness could not judge makes the verdict error")
        let broken = try #require(html.range(of: "screenshot broken.png"))
        let submission = try #require(html.range(of: "<h2>submission rules"))
        #expect(broken.lowerBound < submission.lowerBound, "error groups come first")
        let failed = try #require(html.range(of: "<td class=\"rule\">SYM-002"))
        let passed = try #require(html.range(of: "<td class=\"rule\">SYM-003"))
        #expect(failed.lowerBound < passed.lowerBound)
        let title = try #require(try SpecCatalog.load(named: SpecCatalog.defaultID).spec.rule("SYM-002")?.title)
        #expect(html.contains(MarkupEscaping.escape(title.vi)) && html.contains(MarkupEscaping.escape(title.en)))
        #expect(html.contains("Điều khoản / Clause"))
    }

    @Test func escapesVendorTextAndDrawsTheOverlay() throws {
        let html = try Self.html()
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("<path class=\"outline\" d=\"M10.0,10.0 L10.0,90.0 L90.0,90.0 L90.0,10.0 Z\"/>"))
        #expect(html.contains("<path class=\"qz\" fill-rule=\"evenodd\""))
        #expect(html.contains("<path class=\"grid\""))
    }

    @Test func harnessErrorShowsTheErrorVerdict() throws {
        let html = try Self.html(
            error: ImageError(code: .unsafeEntry, message: "entry \"../evil.png\" leaves the root"))
        #expect(html.contains("LỖI KIỂM TRA / ERROR"))
        #expect(html.contains("unsafe-entry: entry &quot;../evil.png&quot; leaves the root"))
    }
}
