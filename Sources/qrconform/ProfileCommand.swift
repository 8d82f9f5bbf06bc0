import ArgumentParser
import QRHarness
import QRImaging

/// Hidden: per-stage timings for scripts/bench.
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile", abstract: "Internal: time each pipeline stage (for scripts/bench).", shouldDisplay: false)

    @Argument var images: [String]

    func run() throws {
        guard let scanner = QRScanner() else { throw ExitCode(2) }
        var profile = StageProfile()
        for path in images {
            do { try profile.add(path: path, scanner: scanner) } catch { Diagnostics.warn(error.description) }
        }
        print(profile.summary)
    }
}
