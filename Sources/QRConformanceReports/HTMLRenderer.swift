import Foundation
import QRConformance

/// Renders a report as one self-contained HTML file: inline CSS and images, no external reference, no script.
///
/// The verdict comes first; then the submission rules and each screenshot with its QR crop, an SVG overlay of
/// what was measured (outline, quiet-zone band, module grid) and a table of rules, failed first.
///
/// ```swift
/// let html = HTMLRenderer.render(ReportView(submission: report, spec: spec), visuals: crops)
/// ```
public enum HTMLRenderer {
    /// The self-test banner's style, on the element so reports without one keep their stylesheet byte for byte.
    static let testOnlyStyle =
        "margin:0 0 12px;padding:14px 20px;border:4px dashed #b3261e;color:#b3261e;font-size:22px;font-weight:700"

    public static func render(_ view: ReportView, visuals: [String: ScreenshotVisual] = [:]) -> [UInt8] {
        var html = """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(view.title)) — \(verdictText(view.verdict))</title>
            <style>
            \(HTMLStyle.css)
            </style>
            </head>
            <body>
            <main>
            \(view.testOnly.map { "<div class=\"test-only\" id=\"test-only\" style=\"\(testOnlyStyle)\">\(e($0))</div>\n" } ?? "")<div class="verdict v-\(view.verdict.rawValue)" id="verdict">\(verdictText(view.verdict))
            <small>\(e(view.title)) · Kết quả / Verdict</small></div>

            """
        html += missing(view)
        html += """
            <dl class="facts">

            """
        for fact in view.facts {
            html += "<dt>\(e(fact.label))</dt><dd>\(e(fact.value))</dd>\n"
        }
        html += "</dl>\n"
        for group in view.groups.sorted(by: { rank($0.verdict) < rank($1.verdict) }) {
            html += section(group, view: view, visual: group.file.flatMap { visuals[$0] })
        }
        html += "</main>\n</body>\n</html>\n"
        return Array(html.utf8)
    }

    static func section(_ group: ReportView.Group, view: ReportView, visual: ScreenshotVisual?) -> String {
        var html =
            "<section>\n<h2>\(e(group.name)) <span class=\"badge o-\(group.verdict.rawValue)\">"
            + "\(group.verdict.rawValue)</span></h2>\n"
        if !group.details.isEmpty {
            html += "<p class=\"details\">\(e(group.details.joined(separator: " · ")))</p>\n"
        }
        if let error = group.error {
            html += "<p class=\"error\">\(e(error.code.rawValue)): \(e(error.message))</p>\n"
        }
        if let visual {
            html += figure(visual)
            html += reviewCrops(visual.regionCrops)
        }
        html += ScreenTextMap.svg(group.findings)
        guard !group.findings.isEmpty else { return html + "</section>\n" }
        html += """
            <table>
            <tr><th>Quy tắc / Rule</th><th>Kết quả / Outcome</th><th>Thông báo / Message</th>\
            <th>Giá trị đo / Measured</th><th>Giới hạn / Limit</th><th>Điều khoản / Clause</th></tr>

            """
        let ordered = group.findings.enumerated().sorted { lhs, rhs in
            let left = rank(lhs.element.outcome)
            let right = rank(rhs.element.outcome)
            return left != right ? left < right : lhs.offset < rhs.offset
        }
        for (_, finding) in ordered {
            let rule = view.rules[finding.rule]
            let title = rule.map { "<br>\(e($0.title.en))<br><span class=\"vi\">\(e($0.title.vi))</span>" } ?? ""
            let location = finding.evidence.location.map { "<br><span class=\"vi\">\(e($0))</span>" } ?? ""
            let remedy = finding.remedy.map { "<br><em>To judge it: \(e($0))</em>" } ?? ""
            html +=
                "<tr><td class=\"rule\">\(e(finding.rule))</td><td><span class=\"badge o-\(finding.outcome.rawValue)\">"
                + "\(finding.outcome.rawValue.replacingOccurrences(of: "_", with: " "))</span><br>"
                + "\(e(finding.severity.rawValue))\(title)</td>"
                + "<td>\(e(finding.message))\(remedy)\(location)</td><td>\(e(finding.evidence.measured ?? ""))</td>"
                + "<td>\(e(finding.evidence.limit ?? ""))</td><td>\(e(view.source(of: finding.rule)))</td></tr>\n"
        }
        return html + "</table>\n</section>\n"
    }

    /// Under an inconclusive verdict, what could not be judged and what would make it judgeable.
    static func missing(_ view: ReportView) -> String {
        let missing = view.missingEvidence
        guard view.verdict == .inconclusive, !missing.isEmpty else { return "" }
        var html =
            "<div class=\"missing\" id=\"missing\"><strong>Thiếu bằng chứng / Missing evidence</strong>"
            + " — these rules apply but could not be judged:\n<ul>\n"
        for (group, finding) in missing {
            let remedy = finding.remedy.map { " <em>To judge it: \(e($0)).</em>" } ?? ""
            html += "<li>\(e(group)): <b>\(e(finding.rule))</b> \(e(finding.message)).\(remedy)</li>\n"
        }
        return html + "</ul></div>\n"
    }

    /// The crop as an inline PNG with the SVG overlay at the same pixel size.
    static func figure(_ visual: ScreenshotVisual) -> String {
        let data = "data:image/png;base64," + Data(visual.png).base64EncodedString()
        let overlays = visual.symbols.map { $0.svg() }.joined(separator: "\n")
        return """
            <div class="visual"><img alt="QR crop" width="\(visual.width)" height="\(visual.height)" src="\(data)">
            <svg width="\(visual.width)" height="\(visual.height)" \
            viewBox="0 0 \(visual.width) \(visual.height)">
            \(overlays)
            </svg></div>
            <p class="legend">Viền mã / symbol outline (blue) · lưới mô-đun / module grid · \
            vùng yên tĩnh yêu cầu / required quiet zone (green); \
            the code is pixelated unless personal data is revealed</p>

            """ + checkpoints(visual)
    }

    /// The checkpoint camera's views of the symbols (SYM-019), when the scannability ladder ran.
    static func checkpoints(_ visual: ScreenshotVisual) -> String {
        guard !visual.checkpoints.isEmpty else { return "" }
        return "<p class=\"legend\">Camera tại điểm kiểm tra / as the checkpoint camera sees it (SYM-019)</p>\n"
            + visual.checkpoints.map { $0.html() }.joined(separator: "\n") + "\n"
    }

    /// The regions inconclusive display rules could not read, side by side, for the person who decides them.
    static func reviewCrops(_ crops: [RegionCrop]) -> String {
        guard !crops.isEmpty else { return "" }
        var html =
            "<div class=\"crops\"><p class=\"legend\">Chữ chưa đọc chắc chắn / text the reader could not read with "
            + "confidence: a reviewer decides (<code>qrconform register review</code>)"
            + (crops.contains(where: \.masked) ? "; the left half of each is covered to mask personal data" : "")
            + "</p>\n"
        for crop in crops {
            let data = "data:image/png;base64," + Data(crop.png).base64EncodedString()
            let place = "x \(crop.box.left)–\(crop.box.right), y \(crop.box.top)–\(crop.box.bottom)"
            html +=
                "<figure><img alt=\"unread text\" width=\"\(crop.width)\" height=\"\(crop.height)\" src=\"\(data)\">"
                + "<figcaption>\(e(crop.rules.joined(separator: ", "))) · \(e(place))</figcaption></figure>\n"
        }
        return html + "</div>\n"
    }

    static func verdictText(_ verdict: Verdict) -> String {
        switch verdict {
        case .pass: "ĐẠT / PASS"
        case .inconclusive: "CHƯA KẾT LUẬN / INCONCLUSIVE"
        case .fail: "KHÔNG ĐẠT / FAIL"
        case .error: "LỖI KIỂM TRA / ERROR"
        }
    }

    static func rank(_ verdict: Verdict) -> Int {
        switch verdict {
        case .error: 0
        case .fail: 1
        case .inconclusive: 2
        case .pass: 3
        }
    }

    /// Worst first, in `RuleOutcome.weight`'s order.
    static func rank(_ outcome: RuleOutcome) -> Int { -outcome.weight }

    private static func e(_ text: String) -> String { MarkupEscaping.escape(text) }
}
