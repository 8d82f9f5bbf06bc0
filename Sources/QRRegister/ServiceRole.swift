/// What a service token may do: a vendor submits its own apps and sees its own jobs; an officer sees every job and
/// publishes or withdraws runs.
public enum ServiceRole: String, Sendable, Codable, CaseIterable {
    case vendor, officer
}
