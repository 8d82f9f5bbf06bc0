import ArgumentParser
import Foundation
import QRConformance
import QRHarness
import QRRegister

/// `qrconform register`: query the centre's register, record reviews, publish the list of apps, re-certify under
/// another spec.
struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Query the certification register that certify --register writes.",
        discussion: """
            The register is one SQLite file (default \(RegisterOption.defaultPath)); back it up by copying that file \
            while no certify runs (or with sqlite3's .backup). Queries open it read-only and never create it.
            """,
        subcommands: [
            RegisterListCommand.self, RegisterShowCommand.self, RegisterReviewCommand.self, RegisterExportCommand.self,
            RegisterRecertifyCommand.self,
        ]
    )
}

struct RegisterFileOption: ParsableArguments {
    @Option(name: .customLong("register"), help: "The register file.")
    var path: String = RegisterOption.defaultPath
}

/// `register list`: one line per recorded run.
struct RegisterListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the recorded runs.")

    @OptionGroup var register: RegisterFileOption
    @Option(help: "Only apps whose name contains this text (case-insensitive).") var app: String?
    @Option(help: "Only runs with this verdict (pass, inconclusive, fail, error).") var verdict: Verdict?
    @Option(help: "Only runs recorded at or after this time (RFC 3339 or a date).") var since: String?

    func validate() throws {
        if let since, let message = ValidationTime.usageMessage(since) { throw ValidationError(message) }
    }

    func run() throws {
        let opened = try RegisterOption.open(register.path, access: .readOnly)
        let filter = Register.Filter(
            app: app, verdict: verdict, since: since.flatMap(ValidationTime.parse).map(CheckReport.timestamp))
        let runs = try RegisterOption.query { try opened.runs(filter) }
        try Output.print(RegisterText.list(runs, reviews: try opened.reviewsByRun()))
    }
}
extension Verdict: ExpressibleByArgument {}

/// `register show ID`: everything recorded about one run.
struct RegisterShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one recorded run.")

    @OptionGroup var register: RegisterFileOption
    @Argument(help: "The run id (register list shows them).") var id: Int64
    @Flag(help: "Print the run as JSON.") var json = false

    func run() throws {
        let opened = try RegisterOption.open(register.path, access: .readOnly)
        let reviewed = try RegisterOption.query { try opened.reviewedRun(id: id) }
        if json {
            try StandardOutput.write(try ReportCoding.document(reviewed))
            return
        }
        try Output.print(RegisterText.show(reviewed))
    }
}

/// `register export`: the public list of apps, latest verdict per app and version.
struct RegisterExportCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case html, json }

    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the public list: the latest verdict of every app and version.")

    @OptionGroup var register: RegisterFileOption
    @Option(help: "html (a self-contained bilingual page) or json.") var format: Format = .json
    @Option(help: "The file to write (default: standard output).") var output: String?
    @Flag(
        help: """
            Only the apps an officer published (qrconform serve's publication): the list the service serves at \
            /public/apps. Without it, the latest verdict of every app and version.
            """)
    var published = false

    func run() throws {
        let opened = try RegisterOption.open(register.path, access: .readOnly)
        let runs = try RegisterOption.query { try published ? opened.publishedRuns() : opened.latestPerApp() }
        let list = PublicList(runs: runs, reviews: try opened.reviewsByRun())
        let bytes = format == .html ? PublicListHTML.render(list) : [UInt8](try list.jsonData())
        try Output.write(bytes, to: output)
    }
}
