import Foundation
import GRDB

/// A row of the `blob` table: a file's bytes, stored once, by the sha256 of its content.
struct BlobRecord: RegisterRecord {
    static let databaseTableName = "blob"

    var sha256: String
    var size: Int
    var content: Data
}
