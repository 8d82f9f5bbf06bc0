import QRConformanceReports
import Testing

@Suite struct MarkupEscapingTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a < b > c", "a &lt; b &gt; c"),
        ("Tom & \"Jerry\" 'x'", "Tom &amp; &quot;Jerry&quot; &#39;x&#39;"),
        ("NUL\u{0}BEL\u{7}", "NUL\u{FFFD}BEL\u{FFFD}"),
        ("tab\tline\n", "tab\tline\n"),
        ("Nguyễn Đức", "Nguyễn Đức"),
        ("\u{FFFE}\u{85}", "\u{FFFD}\u{FFFD}"),
        ("]]>", "]]&gt;"),
    ])
    func escapesMarkupAndForbiddenCharacters(_ pair: (String, String)) {
        #expect(MarkupEscaping.escape(pair.0) == pair.1)
    }
}
