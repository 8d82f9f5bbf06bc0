import Foundation
import GRDB

extension Register {
    /// Issues an API token of the service and returns its secret, which is shown only here: the register keeps the
    /// secret's sha256. A vendor token needs a vendor, an officer token has none, and every token needs a name.
    public func issueToken(
        role: ServiceRole, vendor: String?, name: String, at: String
    ) throws(RegisterError) -> (secret: String, token: ServiceToken) {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let vendor = vendor?.trimmingCharacters(in: .whitespacesAndNewlines)
        var problem: String?
        if role == .vendor, (vendor ?? "").isEmpty {
            problem = "a vendor token needs a vendor"
        } else if role == .officer, let vendor {
            problem = "an officer token acts for no vendor (it was given \"\(vendor)\")"
        } else if name.isEmpty {
            problem = "a token needs a name"
        }
        if let problem {
            throw RegisterError.register(code: .invalidToken, path: path, cause: "\(problem); no token was issued")
        }
        let secret = ServiceSecret.tokenSecret()
        var id: Int64 = 0
        do {
            try queue.inTransaction(.immediate) { db in
                try db.execute(
                    sql: """
                        INSERT INTO service_token (secret_sha256, role, vendor, name, created_at)
                        VALUES (?, ?, ?, ?, ?)
                        """, arguments: [ServiceSecret.digest(secret), role.rawValue, vendor, name, at])
                id = db.lastInsertedRowID
                return .commit
            }
        } catch {
            throw Self.classify(error, path: path)
        }
        let token = ServiceToken(id: id, role: role, vendor: vendor, name: name, createdAt: at, revokedAt: nil)
        return (secret, token)
    }

    /// Revokes a token: it no longer authenticates and its sessions end. Revoking it again keeps the first time.
    public func revokeToken(id: Int64, at: String) throws(RegisterError) {
        do {
            try queue.inTransaction(.immediate) { db in
                guard try ServiceToken.exists(db, key: id) else {
                    throw RegisterError.register(
                        code: .unknownToken, path: path, cause: "no service token \(id) in the register")
                }
                try ServiceToken.filter(key: id).filter(ServiceToken.Columns.revokedAt == nil)
                    .updateAll(db, ServiceToken.Columns.revokedAt.set(to: at))
                try ServiceSessionRecord.filter(ServiceSessionRecord.Columns.tokenId == id).deleteAll(db)
                return .commit
            }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// Every token, revoked ones too, by id.
    public func tokens() throws(RegisterError) -> [ServiceToken] {
        do {
            return try queue.read { db in try ServiceToken.order(ServiceToken.Columns.id).fetchAll(db) }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// Who a token secret acts for; nil when no token has that secret or its token is revoked.
    public func authenticate(secret: String) throws(RegisterError) -> Principal? {
        let digest = ServiceSecret.digest(secret)
        do {
            return try queue.read { db in
                try ServiceToken.filter(ServiceToken.Columns.secretSHA256 == digest)
                    .filter(ServiceToken.Columns.revokedAt == nil).fetchOne(db)?.principal
            }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// The valid (issued and not revoked) token of `id`, read in a transaction that is about to use it.
    func validToken(_ db: Database, id: Int64) throws -> ServiceToken {
        guard let token = try ServiceToken.fetchOne(db, key: id) else {
            throw RegisterError.register(
                code: .unknownToken, path: path, cause: "no service token \(id) in the register")
        }
        if let revokedAt = token.revokedAt {
            throw RegisterError.register(
                code: .revokedToken, path: path, cause: "service token \(id) was revoked at \(revokedAt)")
        }
        return token
    }
}
