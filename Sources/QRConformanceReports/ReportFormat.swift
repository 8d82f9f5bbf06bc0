/// The report renderings the suite writes.
public enum ReportFormat: String, Sendable, CaseIterable {
    case json
    case junit
    case html
}
