import QRConformance
import QRConformanceReports

/// The public list as one self-contained, bilingual (vi/en) HTML page: inline CSS and a small inline script that
/// filters the table by text and by "certified only" (also from the link: `#q=TEXT&certified`), with no network
/// access (its Content-Security-Policy forbids any). A verdict a person's review decided says so under it, with the
/// machine's verdict and the reviewed rules; an override of a machine `fail` is marked as such.
///
/// ```swift
/// let html = PublicListHTML.render(PublicList(runs: try register.latestPerApp()))
/// ```
public enum PublicListHTML {
    public static func render(_ list: PublicList) -> [UInt8] {
        var html = """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Danh sách ứng dụng đạt chuẩn QR cá nhân / Apps conformant to the personal QR code</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.4em;text-align:left}
            th{background:#f2f2f2}.v-pass{color:#176f2c;font-weight:bold}.v-fail,.v-error{color:#a4161a;font-weight:bold}
            .v-inconclusive{color:#7a3e9d;font-weight:bold}.hash{font-family:monospace;font-size:.85em}
            .vi{color:#555}#count{margin:.5em 0}.review{display:block;font-weight:normal;color:#555;font-size:.85em}
            .override{color:#a4161a}
            </style>
            </head>
            <body>
            <h1>Danh sách ứng dụng hiển thị mã QR cá nhân đạt chuẩn<br><small class="vi">Apps displaying the personal QR code: conformance register</small></h1>
            <p>Kết quả mới nhất của mỗi ứng dụng và phiên bản. / The latest verdict of every app and version.
            Kết quả có ghi chú đã được người thẩm định quyết định cho các quy tắc máy không kết luận được. /
            A verdict with a note was decided in part by a person's recorded review of rules the machine could not judge.</p>
            <p><label>Tìm / Filter: <input id="filter" type="search" placeholder="ứng dụng, nhà cung cấp / app, vendor"></label>
            <label><input id="certified" type="checkbox"> Chỉ ứng dụng đạt / Certified only</label></p>
            <p id="count"></p>
            <table id="apps">
            <thead><tr><th>Nhà cung cấp / Vendor</th><th>Ứng dụng / App</th><th>Phiên bản / Version</th>\
            <th>Nền tảng / Platform</th><th>Kết quả / Verdict</th><th>Đặc tả / Spec</th><th>Ngày / Date</th>\
            <th>SHA-256 báo cáo / Report SHA-256</th></tr></thead>
            <tbody>

            """
        for entry in list.apps {
            let verdict = verdictText(entry.verdict)
            let search = e(
                [entry.vendor, entry.app, entry.version, entry.platform].joined(separator: " ").lowercased())
            html +=
                "<tr data-certified=\"\(entry.certified)\" data-search=\"\(search)\">"
                + "<td>\(e(entry.vendor))</td><td>\(e(entry.app))</td><td>\(e(entry.version))</td>"
                + "<td>\(e(entry.platform))</td><td class=\"v-\(entry.verdict.rawValue)\">\(verdict)\(reviewNote(entry))</td>"
                + "<td>\(e(entry.spec))</td><td>\(e(entry.date))</td><td class=\"hash\">\(e(entry.reportSHA256))</td></tr>\n"
        }
        html += """
            </tbody>
            </table>
            <script>
            (function () {
              var filter = document.getElementById('filter'), certified = document.getElementById('certified');
              var rows = document.querySelectorAll('#apps tbody tr'), count = document.getElementById('count');
              function apply() {
                var text = filter.value.trim().toLowerCase(), shown = 0;
                rows.forEach(function (row) {
                  var visible = row.getAttribute('data-search').indexOf(text) >= 0
                    && (!certified.checked || row.getAttribute('data-certified') === 'true');
                  row.hidden = !visible;
                  if (visible) { shown += 1; }
                });
                count.textContent = shown + ' / ' + rows.length + ' ứng dụng / apps';
              }
              // A link can carry the filter: #q=TEXT, #certified, or both (#q=acme&certified).
              location.hash.slice(1).split('&').forEach(function (part) {
                if (part === 'certified') { certified.checked = true; }
                if (part.indexOf('q=') === 0) { filter.value = decodeURIComponent(part.slice(2)); }
              });
              filter.addEventListener('input', apply);
              certified.addEventListener('change', apply);
              apply();
            })();
            </script>
            </body>
            </html>

            """
        return Array(html.utf8)
    }

    /// The note under a verdict a review took part in: the reviewed rules, the machine's verdict, the overrides.
    static func reviewNote(_ entry: PublicList.Entry) -> String {
        guard !entry.reviewedRules.isEmpty else { return "" }
        var note =
            "<span class=\"review\">Thẩm định / Reviewed: \(e(entry.reviewedRules.joined(separator: ", ")))"
        if entry.decidedByReview {
            note += "; máy / machine: \(verdictText(entry.machineVerdict))"
        }
        if !entry.overriddenRules.isEmpty {
            note +=
                "; <span class=\"override\">ghi đè kết quả KHÔNG ĐẠT / overrides a machine FAIL: "
                + "\(e(entry.overriddenRules.joined(separator: ", ")))</span>"
        }
        return note + "</span>"
    }

    static func verdictText(_ verdict: Verdict) -> String {
        switch verdict {
        case .pass: "ĐẠT / PASS"
        case .fail: "KHÔNG ĐẠT / FAIL"
        case .inconclusive: "CHƯA KẾT LUẬN / INCONCLUSIVE"
        case .error: "LỖI / ERROR"
        }
    }

    private static func e(_ text: String) -> String { MarkupEscaping.escape(text) }
}
