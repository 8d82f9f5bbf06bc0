/// How the app shows the ID number and birth date beside the code: masked by default, or in full after a switch.
public enum DisplayMode: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// First 6 characters of the ID number as `*`, day and month of the birth date as `*`.
    case `default`
    /// The ID number and birth date in full.
    case full
}
