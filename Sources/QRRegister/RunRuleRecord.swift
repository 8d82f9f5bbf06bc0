import GRDB

/// A row of the `run_rule` table: one rule's counts in one run. The count columns are `RuleCounts`' coding keys, so
/// they are named once, there; this adds the run's id.
struct RunRuleRecord: PersistableRecord {
    static let databaseTableName = "run_rule"

    let runID: Int64
    let counts: RuleCounts

    enum Columns {
        static let runID = Column("run_id")
        static let rule = Column(RuleCounts.CodingKeys.rule)
    }

    func encode(to container: inout PersistenceContainer) throws {
        container[Columns.runID] = runID
        try counts.encode(to: &container)
    }

    /// The counts of every rule of a run, sorted by rule id.
    static func counts(ofRun id: Int64, in db: Database) throws -> [RuleCounts] {
        try RuleCounts.fetchAll(db, filter(Columns.runID == id).order(Columns.rule))
    }
}

/// Read from and written to `run_rule` rows by their coding keys (`RunRuleRecord`).
extension RuleCounts: FetchableRecord, EncodableRecord {}
