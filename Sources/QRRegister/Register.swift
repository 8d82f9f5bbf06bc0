import Foundation
import GRDB
import QRConformance

/// The centre's certification register: one SQLite file (WAL mode) holding every recorded run and the archived
/// content of every submission, so a verdict can be looked up, published and judged again later.
///
/// The file is made on first use; its schema is brought up to date by `RegisterSchema`'s migrations. Every record
/// is one immediate transaction, so several `certify` processes can write one register at once and an interrupted
/// write leaves nothing behind.
///
/// ```swift
/// let register = try Register.open(path: "Reports/register.sqlite")
/// let outcome = try register.record(run, contents: contents)   // .recorded(id) or .alreadyRecorded(id)
/// ```
public final class Register: Sendable {
    public enum Access: Sendable { case readWrite, readOnly }

    /// What `record` did.
    public enum RecordOutcome: Sendable, Equatable {
        case recorded(Int64)
        /// The same submission under the same spec was recorded before, as this run; nothing was written.
        case alreadyRecorded(Int64)
    }

    public let path: String
    let queue: DatabaseQueue

    private init(path: String, queue: DatabaseQueue) {
        self.path = path
        self.queue = queue
    }

    /// Opens (read-write: creating and migrating if needed) the register at `path`, or throws naming what is wrong
    /// with the file: not a database, a newer schema, not writable, missing (read-only access).
    public static func open(path: String, access: Access = .readWrite) throws(RegisterError) -> Register {
        let exists = FileManager.default.fileExists(atPath: path)
        if access == .readOnly, !exists {
            throw RegisterError.register(
                code: .missing, path: path, cause: "no such register (certify --register makes one)")
        }
        if access == .readWrite {
            try checkWritable(path: path, exists: exists)
        } else if try isBehind(path: path), (try? checkWritable(path: path, exists: true)) != nil {
            // A register of an older qrconform is brought up to date first (migrations only add), so queries keep
            // working after an upgrade; one that cannot be written is refused below as old.
            _ = try open(path: path, access: .readWrite)
        }
        // Opening and migrating are serialized between processes by a lock on the register's folder, since GRDB's
        // migrator reads what is applied outside its transaction: two new processes would both create the schema.
        let lock = FolderLock(folder: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        defer { lock.release() }
        var configuration = Configuration()
        configuration.busyMode = .timeout(60)
        configuration.readonly = access == .readOnly
        if access == .readWrite { configuration.journalMode = .wal }
        configuration.foreignKeysEnabled = true
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw classify(error, path: path)
        }
        let register = Register(path: path, queue: queue)
        try register.prepareSchema(access: access)
        return register
    }

    /// Whether the file is a register that some of this build's migrations have not been applied to yet.
    private static func isBehind(path: String) throws(RegisterError) -> Bool {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(60)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read { db in
                let migrator = RegisterSchema.migrator
                guard try db.tableExists("grdb_migrations"), try !migrator.hasBeenSuperseded(db) else { return false }
                let applied = try migrator.appliedIdentifiers(db)
                return try !applied.isEmpty && !migrator.hasCompletedMigrations(db)
            }
        } catch {
            throw classify(error, path: path)
        }
    }

    private static func checkWritable(path: String, exists: Bool) throws(RegisterError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var status = stat()
        // No write bit at all means read-only to every user, root included (access(2) lets root write anyway).
        let noWriteBits = exists && stat(path, &status) == 0 && status.st_mode & 0o222 == 0
        if noWriteBits || (exists && access(path, W_OK) != 0) {
            throw RegisterError.register(
                code: .readOnly, path: path, cause: "the file is read-only; nothing was recorded")
        }
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isFolder)
            || !isFolder.boolValue
        {
            throw RegisterError.register(code: .missing, path: path, cause: "its folder \(folder) does not exist")
        }
        if access(folder.isEmpty ? "." : folder, W_OK) != 0 {
            throw RegisterError.register(
                code: .readOnly, path: path,
                cause: "its folder \(folder) cannot be written (SQLite keeps its journal there); nothing was recorded")
        }
    }

    private func prepareSchema(access: Access) throws(RegisterError) {
        let migrator = RegisterSchema.migrator
        do {
            try queue.inDatabase { db in
                // Reading the header first tells "not a database" apart from every later problem.
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
                if try migrator.hasBeenSuperseded(db) {
                    let known = migrator.migrations.last ?? "none"
                    let applied = try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
                    throw RegisterError.register(
                        code: .newerSchema, path: path,
                        cause: "made by a newer qrconform (schema migrations \(applied.joined(separator: ", ")) are "
                            + "unknown here; the newest this build knows is \(known)); upgrade qrconform")
                }
            }
            guard access == .readWrite else {
                let complete = try queue.read { db in try migrator.hasCompletedMigrations(db) }
                if !complete {
                    throw RegisterError.register(
                        code: .database, path: path, cause: "not a qrconform register (its schema is missing or old)")
                }
                return
            }
            do {
                try migrator.migrate(queue)
            } catch {
                // Another process may have migrated the new file between our check and our transaction.
                let complete = try queue.read { db in try migrator.hasCompletedMigrations(db) }
                if !complete { throw error }
            }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// A typed register error from whatever GRDB or SQLite threw.
    static func classify(_ error: any Error, path: String) -> RegisterError {
        if let error = error as? RegisterError { return error }
        guard let error = error as? DatabaseError else {
            return RegisterError.register(code: .database, path: path, cause: "\(error)")
        }
        let message = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_NOTADB:
            return RegisterError.register(code: .notADatabase, path: path, cause: "not an SQLite database (\(message))")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN:
            return RegisterError.register(
                code: .readOnly, path: path, cause: "cannot be written (\(message)); nothing was recorded")
        default:
            return RegisterError.register(code: .database, path: path, cause: "SQLite: \(message)")
        }
    }
}

/// An advisory `flock(2)` on a folder, held while a register is opened and migrated; released on `release()`.
///
/// A lock on the folder rather than on the database file, since closing any descriptor of the database file would
/// drop SQLite's own POSIX locks on it. Failing to take it (a folder that cannot be opened) only loses the
/// serialization, never the open.
final class FolderLock {
    private var descriptor: Int32

    init(folder: String) {
        descriptor = Foundation.open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
        if descriptor >= 0 {
            while flock(descriptor, LOCK_EX) != 0, errno == EINTR {}
        }
    }

    func release() {
        if descriptor >= 0 {
            flock(descriptor, LOCK_UN)
            close(descriptor)
        }
        descriptor = -1
    }

    deinit { release() }
}
