import ArgumentParser
import Foundation
import Logging
import QRConformance
import QRHarness
import QRRegister
import QRRun
import QRService

/// `qrconform serve`: the certification centre's HTTP service; `serve admin` issues and revokes its tokens.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the centre's HTTP service: vendors upload and self-test, officers review and publish.",
        discussion: """
            The data folder holds the service's only state: register.sqlite (runs, tokens, sessions, the queue) and \
            the uploads and reports. The API is described by Sources/QRService/openapi.yaml. Issue tokens with \
            `qrconform serve admin issue-token`. Stops on SIGTERM or SIGINT: uploads are refused, running \
            judgements finish, queued ones wait for the next start.
            """,
        subcommands: [ServeRunCommand.self, ServeAdminCommand.self],
        defaultSubcommand: ServeRunCommand.self)
}

/// The options every serve subcommand shares.
struct ServeDataOption: ParsableArguments {
    @Option(help: "The service's data folder (made on first use).") var data: String = "ServiceData"

    /// The register inside the data folder.
    var registerPath: String { URL(fileURLWithPath: data).appendingPathComponent("register.sqlite").path }
}

struct ServeRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Serve (the default).")

    @OptionGroup var data: ServeDataOption
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on; 0 picks a free one (see --port-file).") var port = 8080
    @Option(help: "Write the port listened on to this file once listening.") var portFile: String?
    @Option(help: "The centre's test plan (JSON).") var testPlan: String
    @Option(help: "Trust list (JWKS) of the keys that may sign payloads.") var trustList: String
    @OptionGroup var spec: SpecOptions
    @Option(help: "The centre's report-signing key (EC P-256 private JWK); certification reports are signed with it.")
    var signingKey: String?
    @Option(help: "Queued plus running submissions beyond which uploads get 429.") var queueLimit = 20
    @Option(help: "Submissions judged at once.") var concurrent = 1
    @Option(help: "Worker processes per submission judged.") var jobs = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Seconds one image (or reading one submission) may take.") var imageTimeout: Double = 30
    @Option(help: "Refuse uploads larger than this many bytes.")
    var maxArchiveBytes = SubmissionLimits.default.maxArchiveBytes
    @Option(help: "Hours a browser session lasts.") var sessionHours: Double = 8
    @Flag(help: "Mark cookies Secure (set when the service is reached over TLS).") var secureCookies = false
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel = "info"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        guard queueLimit >= 1 else { throw ValidationError("--queue-limit must be at least 1") }
        guard (1...64).contains(concurrent) else { throw ValidationError("--concurrent must be 1 to 64") }
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be 1 to 256") }
        guard imageTimeout > 0, imageTimeout.isFinite else { throw ValidationError("--image-timeout must be positive") }
        guard maxArchiveBytes > 0 else { throw ValidationError("--max-archive-bytes must be positive") }
        guard sessionHours > 0, sessionHours <= 24 * 30 else { throw ValidationError("--session-hours: 0 to 720") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level \(logLevel)") }
    }

    func run() throws {
        var configuration = ServiceConfiguration(
            dataFolder: data.data,
            inputs: CertificationInputs(
                spec: spec.idOrPath, testPlanPath: testPlan, trustListPath: trustList, validationTime: Date()),
            workers: WorkerSettings(jobs: jobs, imageTimeout: imageTimeout, executable: try SelfExecutable.path()))
        configuration.host = host
        configuration.port = port
        configuration.portFile = portFile
        configuration.signingKey = try SigningKeyOption.load(signingKey)
        configuration.queueLimit = queueLimit
        configuration.concurrentJobs = concurrent
        configuration.limits.maxArchiveBytes = maxArchiveBytes
        configuration.sessionLifetime = sessionHours * 3600
        configuration.secureCookies = secureCookies
        LoggingSystem.bootstrap(JSONLogHandler.init)
        var logger = Logger(label: "qrconform.serve")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        try CertificationService.runUntilStopped(configuration, logger: logger)
    }
}

struct ServeAdminCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin", abstract: "Issue, list and revoke the service's tokens.",
        subcommands: [IssueToken.self, RevokeToken.self, ListTokens.self])

    struct IssueToken: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "issue-token",
            abstract: "Issue a vendor or officer token; prints the secret once (the register keeps only its hash).")
        @OptionGroup var data: ServeDataOption
        @Option(help: "vendor or officer.") var role: String
        @Option(help: "The vendor a vendor token submits for (its manifests must name this vendor).") var vendor:
            String?
        @Option(help: "Who holds the token (an officer's name is recorded as the reviewer or publisher).") var name:
            String

        func validate() throws {
            guard ServiceRole(rawValue: role) != nil else { throw ValidationError("--role must be vendor or officer") }
        }

        func run() throws {
            try ReportFolder.create(data.data)
            let register = try Register.open(path: data.registerPath)
            let (secret, token) = try register.issueToken(
                role: ServiceRole(rawValue: role) ?? .vendor, vendor: vendor, name: name,
                at: CheckReport.timestamp(Date()))
            Diagnostics.raw(
                Data("token \(token.id) issued to \(token.name) (\(token.role.rawValue)); its secret:\n".utf8))
            print(secret)
        }
    }

    struct RevokeToken: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke-token", abstract: "Revoke a token: it and its sessions stop working at once.")
        @OptionGroup var data: ServeDataOption
        @Argument(help: "The token's id (see `serve admin tokens`).") var id: Int64

        func run() throws {
            let register = try RegisterOption.openExisting(data.registerPath)
            try register.revokeToken(id: id, at: CheckReport.timestamp(Date()))
            print("token \(id) revoked")
        }
    }

    struct ListTokens: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tokens", abstract: "List the tokens (never secrets).")
        @OptionGroup var data: ServeDataOption

        func run() throws {
            let register = try Register.open(path: data.registerPath, access: .readOnly)
            print(RegisterText.tokens(try register.tokens()))
        }
    }
}
