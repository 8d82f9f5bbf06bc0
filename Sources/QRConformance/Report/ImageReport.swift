import QRSymbol

/// The verdict of an image, submission or run, ordered `pass < inconclusive < fail < error` (after ETSI ES 201 873-1):
/// evidence can only make it worse. `inconclusive`: no rule failed, but an error-severity rule could not be judged.
public enum Verdict: String, Sendable, Equatable, Codable, CaseIterable, Comparable {
    case pass, inconclusive, fail, error

    private var rank: Int {
        switch self {
        case .pass: 0
        case .inconclusive: 1
        case .fail: 2
        case .error: 3
        }
    }

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.rank < rhs.rank }

    /// The verdict the findings support: `fail` when one failed, `inconclusive` when an error-severity rule could not
    /// be judged, else `pass` (warnings, and unjudged warnings and info, allowed).
    public static func of(_ findings: [Finding]) -> Verdict {
        if findings.contains(where: { $0.outcome == .fail }) { return .fail }
        if findings.contains(where: \.blocksPass) { return .inconclusive }
        return .pass
    }
}

/// One image's entry in a check report.
public struct ImageReport: Sendable, Equatable, Codable {
    public let file: String
    public let sha256: String?
    public let verdict: Verdict
    public let error: ImageError?
    /// The decoded symbols and their measurements.
    public let symbols: [SymbolReport]
    public let payload: PayloadReport?
    public let findings: [Finding]
    /// How much of the screen text was found and read; nil unless the display rules read it.
    public let screenText: ScreenTextSummary?

    /// A judged image; the verdict is what its findings support (`Verdict.of`).
    public init(
        file: String, sha256: String, symbols: [SymbolReport], payload: PayloadReport?, findings: [Finding],
        screenText: ScreenTextSummary? = nil
    ) {
        self.screenText = screenText
        self.file = file
        self.sha256 = sha256
        self.verdict = Verdict.of(findings)
        self.error = nil
        self.symbols = symbols
        self.payload = payload
        self.findings = Finding.sorted(findings)
    }

    /// An image the harness could not judge.
    public init(file: String, sha256: String?, error: ImageError) {
        self.file = file
        self.sha256 = sha256
        self.verdict = .error
        self.error = error
        self.symbols = []
        self.payload = nil
        self.findings = []
        self.screenText = nil
    }

    /// A row with every member given (the transport's restored row).
    init(
        file: String, sha256: String?, verdict: Verdict, error: ImageError?, symbols: [SymbolReport],
        payload: PayloadReport?, findings: [Finding], screenText: ScreenTextSummary?
    ) {
        self.file = file
        self.sha256 = sha256
        self.verdict = verdict
        self.error = error
        self.symbols = symbols
        self.payload = payload
        self.findings = findings
        self.screenText = screenText
    }

    private enum CodingKeys: String, CodingKey {
        case file, sha256, verdict, error, symbols, payload, findings
        case screenText = "screen_text"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(sha256, forKey: .sha256)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(error, forKey: .error)
        try container.encode(symbols, forKey: .symbols)
        try container.encode(payload, forKey: .payload)
        try container.encode(findings, forKey: .findings)
        try container.encodeIfPresent(screenText, forKey: .screenText)
    }
}
