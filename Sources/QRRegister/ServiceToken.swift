import GRDB

/// An API token of the service, as the register keeps it: who it is for and when it was issued and revoked.
///
/// Its secret is shown once, when issued (`Register.issueToken`); the `service_token` table holds only the secret's
/// sha256, so a copy of the register lets no one act as a vendor or an officer.
public struct ServiceToken: Sendable, Equatable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "service_token"

    public let id: Int64
    public let role: ServiceRole
    /// The vendor a vendor token acts for; nil for officers.
    public let vendor: String?
    public let name: String
    /// RFC 3339 UTC.
    public let createdAt: String
    /// When the token was revoked (the first time), RFC 3339 UTC; nil while it is valid.
    public let revokedAt: String?

    enum CodingKeys: String, CodingKey {
        case id, role, vendor, name
        case createdAt = "created_at"
        case revokedAt = "revoked_at"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let secretSHA256 = Column("secret_sha256")
        public static let revokedAt = Column(CodingKeys.revokedAt)
    }

    public init(id: Int64, role: ServiceRole, vendor: String?, name: String, createdAt: String, revokedAt: String?) {
        self.id = id
        self.role = role
        self.vendor = vendor
        self.name = name
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    /// Who the token acts for.
    public var principal: Principal { Principal(tokenID: id, role: role, vendor: vendor, name: name) }
}
