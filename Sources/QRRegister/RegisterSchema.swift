import GRDB
import QRConformance

/// The register's schema, versioned by GRDB migrations: each migration is applied once, in order, and recorded in
/// `grdb_migrations`, so a file made by a newer build (with a migration this build does not know) is refused.
///
/// v1 tables: `blob` (content-addressed bytes, by sha256), `submission` (an archived submission: its manifest
/// blob and its source path), `submission_file` (path → blob of each file), `run` (one judged submission under
/// one spec) and `run_rule` (per-rule outcome counts of a run).
///
/// v2: `run_rule.severity` (the rule's severity, so an inconclusive rule is known to block a pass or not; NULL for
/// runs recorded before, which count as blocking) and `review` (a person's decisions on rules of a run, beside the
/// machine's outcomes, which stay as recorded: `RuleReview`).
///
/// v3, the service's state (`qrconform serve`), beside the run tables and never changing them: `service_token` (API
/// tokens by the sha256 of their secret, which is never stored: `ServiceToken`), `service_session` (browser
/// sessions by the sha256 of their cookie), `service_job` (the job queue: `ServiceJob`) and `publication` (officers'
/// publish and withdraw actions on runs, all kept: `Publication`).
enum RegisterSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE blob (
                        sha256 TEXT PRIMARY KEY NOT NULL,
                        size INTEGER NOT NULL,
                        content BLOB NOT NULL
                    );
                    CREATE TABLE submission (
                        sha256 TEXT PRIMARY KEY NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('zip', 'folder')),
                        manifest_sha256 TEXT REFERENCES blob(sha256)
                    );
                    CREATE TABLE submission_file (
                        submission_sha256 TEXT NOT NULL REFERENCES submission(sha256),
                        path TEXT NOT NULL,
                        blob_sha256 TEXT NOT NULL REFERENCES blob(sha256),
                        PRIMARY KEY (submission_sha256, path)
                    );
                    CREATE TABLE run (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        recorded_at TEXT NOT NULL,
                        submission_id TEXT NOT NULL,
                        vendor TEXT,
                        app_name TEXT,
                        app_version TEXT,
                        app_platform TEXT,
                        submission_path TEXT NOT NULL,
                        submission_sha256 TEXT,
                        archived INTEGER NOT NULL,
                        spec_id TEXT NOT NULL,
                        spec_version TEXT NOT NULL,
                        spec_sha256 TEXT NOT NULL,
                        test_plan_path TEXT NOT NULL,
                        test_plan_sha256 TEXT NOT NULL,
                        trust_list_path TEXT,
                        trust_list_sha256 TEXT,
                        tool_name TEXT NOT NULL,
                        tool_version TEXT NOT NULL,
                        validation_time TEXT NOT NULL,
                        verdict TEXT NOT NULL CHECK (verdict IN ('pass', 'inconclusive', 'fail', 'error')),
                        images INTEGER NOT NULL,
                        images_pass INTEGER NOT NULL,
                        images_inconclusive INTEGER NOT NULL,
                        images_fail INTEGER NOT NULL,
                        images_error INTEGER NOT NULL,
                        report_sha256 TEXT NOT NULL,
                        signature TEXT,
                        signature_kid TEXT,
                        UNIQUE (submission_sha256, spec_id, spec_version, spec_sha256)
                    );
                    CREATE INDEX run_app ON run (vendor, app_name, app_platform, app_version, recorded_at);
                    CREATE TABLE run_rule (
                        run_id INTEGER NOT NULL REFERENCES run(id),
                        rule TEXT NOT NULL,
                        pass INTEGER NOT NULL,
                        fail INTEGER NOT NULL,
                        warn INTEGER NOT NULL,
                        not_applicable INTEGER NOT NULL,
                        inconclusive INTEGER NOT NULL,
                        PRIMARY KEY (run_id, rule)
                    );
                    """)
        }
        migrator.registerMigration("v2") { db in
            try db.alter(table: "run_rule") { table in
                table.add(column: "severity", .text).check { ["error", "warning", "info"].contains($0) }
            }
            try db.create(table: RuleReview.databaseTableName) { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("run_id", .integer).notNull().indexed().references("run")
                table.column("rule", .text).notNull()
                table.column("machine_status", .text).notNull()
                table.column("decision", .text).notNull().check { ["pass", "fail"].contains($0) }
                table.column("override", .boolean).notNull()
                table.column("reviewer", .text).notNull().check { length($0) > 0 }
                table.column("reason", .text).notNull().check { length($0) > 0 }
                table.column("reviewed_at", .text).notNull()
            }
        }
        migrator.registerMigration("v3") { db in
            try db.create(table: ServiceToken.databaseTableName) { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("secret_sha256", .text).notNull().unique()
                table.column("role", .text).notNull().check { ServiceRole.allCases.map(\.rawValue).contains($0) }
                table.column("vendor", .text)
                table.column("name", .text).notNull().check { length($0) > 0 }
                table.column("created_at", .text).notNull()
                table.column("revoked_at", .text)
                table.check(
                    sql: "(role = 'vendor' AND length(vendor) > 0) OR (role = 'officer' AND vendor IS NULL)")
            }
            try db.create(table: ServiceSessionRecord.databaseTableName) { table in
                table.primaryKey("cookie_sha256", .text)
                table.column("token_id", .integer).notNull().indexed().references(ServiceToken.databaseTableName)
                table.column("csrf", .text).notNull()
                table.column("created_at", .text).notNull()
                table.column("expires_at", .text).notNull()
            }
            try db.create(table: ServiceJob.databaseTableName) { table in
                // The insertion order, which claims follow; `id` is the public, unguessable id.
                table.autoIncrementedPrimaryKey("seq")
                table.column("id", .text).notNull().unique()
                table.column("vendor", .text).notNull().check { length($0) > 0 }
                table.column("token_id", .integer).notNull().references(ServiceToken.databaseTableName)
                table.column("mode", .text).notNull().check { ["certification", "self-test"].contains($0) }
                table.column("state", .text).notNull().indexed()
                    .check { ["queued", "running", "done", "failed"].contains($0) }
                table.column("upload_sha256", .text).notNull()
                table.column("upload_size", .integer).notNull()
                table.column("submitted_at", .text).notNull()
                table.column("started_at", .text)
                table.column("finished_at", .text)
                table.column("attempts", .integer).notNull().defaults(to: 0)
                table.column("verdict", .text).check { Verdict.allCases.map(\.rawValue).contains($0) }
                table.column("run_id", .integer).references("run")
                table.column("submission_id", .text)
                table.column("message", .text)
            }
            try db.create(index: "service_job_vendor", on: ServiceJob.databaseTableName, columns: ["vendor", "seq"])
            try db.create(table: Publication.databaseTableName) { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("run_id", .integer).notNull().indexed().references("run")
                table.column("action", .text).notNull().check { ["publish", "withdraw"].contains($0) }
                table.column("officer", .text).notNull().check { length($0) > 0 }
                table.column("reason", .text).notNull().check { length($0) > 0 }
                table.column("at", .text).notNull()
            }
        }
        return migrator
    }
}
