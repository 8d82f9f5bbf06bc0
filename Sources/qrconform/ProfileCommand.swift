import ArgumentParser
import QRHarness
import QRImaging

/// Hidden: per-stage timings for scripts/bench.
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile", abstract: "Internal: time each pipeline stage (for scripts/bench).", shouldDisplay: false)

    @Argument var images: [String]
    @Flag(help: "Also time OCR of the screen text.") var ocr = false

    func run() throws {
        guard let scanner = QRScanner() else { throw ExitCode(2) }
        let recognizer = ocr ? try TextRecognizer() : nil
        var profile = StageProfile()
        for path in images {
            do {
                try profile.add(path: path, scanner: scanner, recognizer: recognizer)
            } catch {
                Diagnostics.warn(error.description)
            }
        }
        try Output.print(profile.summary)
    }
}
