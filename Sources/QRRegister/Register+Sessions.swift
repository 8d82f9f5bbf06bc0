import Foundation
import GRDB
import QRConformance

extension Register {
    /// Opens a browser session for a principal's token, valid for `lifetime` seconds from `at`, and returns its
    /// cookie and CSRF token; the register keeps only the cookie's sha256. Sessions already expired are removed.
    public func createSession(
        for principal: Principal, at: Date, lifetime: TimeInterval
    ) throws(RegisterError) -> (cookie: String, csrf: String) {
        let cookie = ServiceSecret.random(bytes: 32)
        let csrf = ServiceSecret.random(bytes: 32)
        let now = CheckReport.timestamp(at)
        let record = ServiceSessionRecord(
            cookieSha256: ServiceSecret.digest(cookie), tokenId: principal.tokenID, csrf: csrf, createdAt: now,
            expiresAt: CheckReport.timestamp(at.addingTimeInterval(lifetime)))
        do {
            try queue.inTransaction(.immediate) { db in
                _ = try validToken(db, id: principal.tokenID)
                try ServiceSessionRecord.filter(ServiceSessionRecord.Columns.expiresAt <= now).deleteAll(db)
                try record.insert(db)
                return .commit
            }
        } catch {
            throw Self.classify(error, path: path)
        }
        return (cookie, csrf)
    }

    /// The principal and CSRF token of a session cookie; nil when the cookie is unknown, its session expired at or
    /// before `at`, or its token was revoked.
    public func session(cookie: String, at: Date) throws(RegisterError) -> (principal: Principal, csrf: String)? {
        let digest = ServiceSecret.digest(cookie)
        let now = CheckReport.timestamp(at)
        do {
            return try queue.read { db -> (principal: Principal, csrf: String)? in
                guard
                    let session = try ServiceSessionRecord.filter(key: digest)
                        .filter(ServiceSessionRecord.Columns.expiresAt > now).fetchOne(db),
                    let token = try ServiceToken.fetchOne(db, key: session.tokenId), token.revokedAt == nil
                else { return nil }
                return (token.principal, session.csrf)
            }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// Ends a session (logging out); an unknown cookie is already ended.
    public func endSession(cookie: String) throws(RegisterError) {
        let digest = ServiceSecret.digest(cookie)
        do {
            try queue.inTransaction(.immediate) { db in
                _ = try ServiceSessionRecord.deleteOne(db, key: digest)
                return .commit
            }
        } catch {
            throw Self.classify(error, path: path)
        }
    }
}
