/// The inline stylesheet of the HTML report: no external fonts, images or scripts, so it works offline.
enum HTMLStyle {
    static let css = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d1d1f;background:#f5f5f7}
        main{max-width:1100px;margin:0 auto;padding:24px}
        .verdict{padding:20px 24px;border-radius:10px;color:#fff;font-size:28px;font-weight:700}
        .verdict small{display:block;font-size:14px;font-weight:400;opacity:.9}
        .v-pass{background:#1e7d34}.v-fail{background:#b3261e}.v-error{background:#8a5a00}.v-inconclusive{background:#4b3f9e}
        .missing{margin:12px 0;padding:12px 16px;border-left:6px solid #4b3f9e;background:#eeebfa;border-radius:6px}
        .missing ul{margin:6px 0 0 18px;padding:0}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:16px 0;word-break:break-all}
        dl.facts dt{font-weight:600}dl.facts dd{margin:0}
        section{background:#fff;border-radius:10px;padding:16px 20px;margin:16px 0;box-shadow:0 1px 2px #0002}
        h2{font-size:18px;margin:0 0 8px}h2 .badge{font-size:12px;vertical-align:middle}
        .badge{display:inline-block;padding:1px 8px;border-radius:9px;color:#fff;font-weight:600;text-transform:uppercase}
        .o-pass{background:#1e7d34}.o-fail{background:#b3261e}.o-warn{background:#b06000}.o-not_applicable{background:#8e8e93}
        .o-inconclusive{background:#4b3f9e}
        .o-error{background:#8a5a00}
        .details{color:#555;margin:0 0 8px}
        .visual{position:relative;display:inline-block;margin:8px 0;border:1px solid #ccc}
        .visual img{display:block;image-rendering:pixelated}
        .visual svg{position:absolute;left:0;top:0}
        .crops{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-start;margin:8px 0}
        .crops figure{margin:0;border:1px dashed #b26a00;padding:4px}
        .crops .legend{flex-basis:100%}
        .crops figcaption{font-size:12px;color:#555}
        .screenmap{display:inline-block;margin:8px 0 0 12px;vertical-align:top}
        .screenmap svg{display:block}
        .outline{fill:none;stroke:#0a84ff;stroke-width:2}
        .grid{fill:none;stroke:#0a84ff;stroke-width:.5;opacity:.45}
        .qz{fill:#30d158;opacity:.25}
        .legend{font-size:12px;color:#555}
        .checkpoint{display:inline-block;vertical-align:top;margin:8px}
        .checkpoint img{display:block;image-rendering:pixelated;border:1px solid #ccc}
        table{border-collapse:collapse;width:100%;font-size:13px;table-layout:fixed}
        th:nth-child(1){width:9%}th:nth-child(2){width:17%}th:nth-child(3){width:30%}th:nth-child(n+4){width:14.6%}
        td{overflow-wrap:anywhere}
        th,td{text-align:left;vertical-align:top;padding:5px 6px;border-top:1px solid #e5e5ea}
        th{background:#fafafa}td.rule{white-space:nowrap;font-family:ui-monospace,Menlo,monospace}
        .vi{color:#555;font-style:italic}
        .error{color:#8a5a00;font-weight:600}
        """
}
