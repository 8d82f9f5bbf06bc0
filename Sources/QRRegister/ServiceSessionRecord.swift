import GRDB

/// A row of the `service_session` table: a browser session by the sha256 of its cookie (the cookie itself is never
/// stored), the token it was opened with, its CSRF token and when it expires.
struct ServiceSessionRecord: RegisterRecord {
    static let databaseTableName = "service_session"

    var cookieSha256: String
    var tokenId: Int64
    var csrf: String
    /// RFC 3339 UTC, as `CheckReport.timestamp` writes it, so text order is time order.
    var createdAt: String
    var expiresAt: String

    enum Columns {
        static let cookieSha256 = Column("cookie_sha256")
        static let tokenId = Column("token_id")
        static let expiresAt = Column("expires_at")
    }
}
