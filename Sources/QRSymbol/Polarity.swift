/// Whether the symbol's dark modules are darker than its background (the normal case) or inverted.
public enum Polarity: String, Sendable, Equatable, Codable, CaseIterable {
    case darkOnLight = "dark-on-light"
    case lightOnDark = "light-on-dark"
}
