import Foundation

/// The symbol as the scannability ladder's checkpoint camera sees it, for the HTML report: a small PNG (pixelated
/// unless personal data is revealed) and what the decoders made of it and of the ladder.
public struct CheckpointView: Sendable, Equatable, Codable {
    /// PNG bytes, travelling as base64.
    public let png: Data
    public let width: Int
    public let height: Int
    /// One line per fact: the checkpoint's outcome, each decoder's first failing rung, the misreads.
    public let caption: [String]

    public init(png: [UInt8], width: Int, height: Int, caption: [String]) {
        self.png = Data(png)
        self.width = width
        self.height = height
        self.caption = caption
    }

    /// HTML for the figure, shown three times larger with hard pixel edges.
    func html() -> String {
        let data = "data:image/png;base64," + png.base64EncodedString()
        let lines = caption.map { "<li>\(MarkupEscaping.escape($0))</li>" }.joined()
        return """
            <div class="checkpoint"><img alt="QR as the checkpoint camera sees it" width="\(width * 3)" \
            height="\(height * 3)" src="\(data)">
            <ul>\(lines)</ul></div>
            """
    }
}
