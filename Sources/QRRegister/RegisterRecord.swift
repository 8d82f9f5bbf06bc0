import GRDB

/// A row of one register table whose properties are the table's columns in camel case (`spec_sha256` is
/// `specSha256`), so GRDB's snake-case strategies map them and each table's columns are named once, as properties.
protocol RegisterRecord: Codable, FetchableRecord, PersistableRecord {}

extension RegisterRecord {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}
