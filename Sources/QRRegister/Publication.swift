import GRDB

/// An officer's action on the public list: publishing a certified run, or withdrawing a published one, with who,
/// why and when.
///
/// Actions are never changed or deleted, so the list's history can be traced; an app and version is listed when the
/// latest action on its runs is a publish (`Register.publishedRuns`).
///
/// ```swift
/// let action = try register.publish(run: 3, officer: "Lê Văn C", reason: "certified", at: "2026-01-22T10:00:00Z")
/// ```
public struct Publication: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    public enum Action: String, Sendable, Equatable, Codable, CaseIterable {
        case publish, withdraw
    }

    public static let databaseTableName = "publication"

    public var id: Int64?
    public var runID: Int64
    public var action: Action
    public var officer: String
    /// Masked as reports mask payload text (`PayloadMasking`).
    public var reason: String
    /// RFC 3339 UTC.
    public var at: String

    enum CodingKeys: String, CodingKey {
        case id, action, officer, reason, at
        case runID = "run_id"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let runID = Column(CodingKeys.runID)
    }

    public init(id: Int64? = nil, runID: Int64, action: Action, officer: String, reason: String, at: String) {
        self.id = id
        self.runID = runID
        self.action = action
        self.officer = officer
        self.reason = reason
        self.at = at
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
