import Foundation
import GRDB
import Testing

@testable import QRRegister

/// A register file the harness cannot use is a typed error naming the file, and the file is left as it was.
@Suite struct RegisterFileErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let code: RegisterError.Code
        let cause: String
        let access: Register.Access
        /// Makes the bad file at the path.
        let prepare: @Sendable (String) throws -> Void
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "not a database", code: .notADatabase, cause: "not an SQLite database", access: .readWrite) { path in
            try Data("this is a text file, not SQLite\n".utf8).write(to: URL(fileURLWithPath: path))
        },
        Case(
            name: "newer schema", code: .newerSchema, cause: "made by a newer qrconform (schema migrations v9-future",
            access: .readWrite
        ) { path in
            _ = try Register.open(path: path)
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-future')") }
            // Moves the write from the WAL into the file, so the file's bytes are all there is to compare.
            try queue.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) }
        },
        Case(name: "read-only file", code: .readOnly, cause: "the file is read-only", access: .readWrite) { path in
            _ = try Register.open(path: path)
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        },
        Case(name: "missing, for a query", code: .missing, cause: "no such register", access: .readOnly) { _ in },
    ]

    @Test(arguments: cases) func aBadRegisterFileIsATypedErrorAndIsLeftAlone(_ test: Case) throws {
        let folder = try RegisterFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("r.sqlite").path
        try test.prepare(path)
        let before = try Self.fingerprint(path)
        let error = #expect(throws: RegisterError.self) { try Register.open(path: path, access: test.access) }
        #expect(error?.code == test.code)
        #expect(error?.file == path)
        #expect(error?.description.hasPrefix("register \(path): \(test.cause)") == true, "\(String(describing: error))")
        #expect(try Self.fingerprint(path) == before)
    }

    /// What the file holds: its bytes, or for a register its migrations and the number of its runs (SQLite may move
    /// pages between the file and its WAL without changing what it holds).
    static func fingerprint(_ path: String) throws -> String {
        guard let bytes = FileManager.default.contents(atPath: path) else { return "(no file)" }
        guard bytes.starts(with: Data("SQLite format 3".utf8)) else { return bytes.base64EncodedString() }
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration).read { db in
            let migrations = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
            let runs = try Int.fetchOne(db, sql: "SELECT count(*) FROM run") ?? -1
            return migrations.joined(separator: ",") + " runs \(runs)"
        }
    }

    @Test func anUnknownRunIdIsATypedError() throws {
        let folder = try RegisterFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let register = try Register.open(path: folder.appendingPathComponent("r.sqlite").path)
        let error = #expect(throws: RegisterError.self) { try register.run(id: 7) }
        #expect(error?.code == .unknownRun)
        #expect(error?.cause == "no run 7 in the register")
    }
}
