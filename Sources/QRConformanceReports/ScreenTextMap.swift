import QRConformance

/// An SVG map of where on the screen the display rules found (or did not find) what they judged: one outlined
/// box per deciding finding, labelled with its rule, and no pixels, so no personal data reaches the report.
enum ScreenTextMap {
    struct Box: Equatable {
        let rule: String
        let outcome: RuleOutcome
        let left: Int, top: Int, right: Int, bottom: Int
    }

    /// The screen boxes display findings rest on (`Evidence.box`, sent typed by the worker that read the screen).
    /// The boxes of the findings, then the unread regions of the inconclusive ones (`Evidence.regions`).
    static func boxes(_ findings: [Finding]) -> [Box] {
        let found: [Box] = findings.compactMap { finding in
            guard finding.rule.hasPrefix("DSP-"), let box = finding.evidence.box, box.left <= box.right,
                box.top <= box.bottom
            else { return nil }
            return Box(
                rule: finding.rule, outcome: finding.outcome, left: box.left, top: box.top, right: box.right,
                bottom: box.bottom)
        }
        let unread: [Box] = findings.flatMap { finding -> [Box] in
            guard finding.rule.hasPrefix("DSP-"), finding.outcome == .inconclusive else { return [] }
            return (finding.evidence.regions ?? []).filter { $0.left <= $0.right && $0.top <= $0.bottom }.map {
                Box(
                    rule: finding.rule + " unread", outcome: .inconclusive, left: $0.left, top: $0.top,
                    right: $0.right, bottom: $0.bottom)
            }
        }
        return found + unread
    }

    /// The map as inline SVG, or an empty string when no finding names a place on the screen.
    static func svg(_ findings: [Finding], width: Int = 360) -> String {
        let boxes = boxes(findings)
        guard let maxX = boxes.map(\.right).max(), let maxY = boxes.map(\.bottom).max(), maxX > 0, maxY > 0 else {
            return ""
        }
        let scale = Double(width) / Double(maxX + 40)
        let height = Int((Double(maxY + 40) * scale).rounded(.up))
        var svg =
            "<div class=\"screenmap\"><svg width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
            + "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#f4f4f6\" stroke=\"#999\"/>\n"
        for box in boxes {
            let x = Double(box.left) * scale
            let y = Double(box.top) * scale
            let w = max(2, Double(box.right - box.left) * scale)
            let h = max(2, Double(box.bottom - box.top) * scale)
            let colour = box.outcome == .pass ? "#1a7f37" : box.outcome == .fail ? "#c62828" : "#b26a00"
            svg += String(
                format:
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"%@\" stroke-width=\"2\"/>",
                x, y, w, h, colour)
            svg += String(
                format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"%@\">%@</text>\n", x, max(10, y - 2),
                colour, box.rule)
        }
        return svg + "</svg></div>\n<p class=\"legend\">Vị trí chữ đã đọc / where the display rules read the screen "
            + "text (boxes only, the text itself is not shown); 'unread' (orange): text that could not be read with "
            + "confidence</p>\n"
    }
}
