import ArgumentParser
import QRHarness
import QRConformance
import QRImaging

/// Hidden: per-stage timings for scripts/bench.
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile", abstract: "Internal: time each pipeline stage (for scripts/bench).",
        shouldDisplay: false)

    @Argument var images: [String]
    @Flag(help: "Also time OCR of the screen text.") var ocr = false
    @Flag(
        help:
            "Print the words OCR reads on each image, by line, unmasked (test screens only; needs --reveal-personal-data)."
    )
    var words = false
    @Flag var revealPersonalData = false

    func run() throws {
        guard let scanner = QRScanner() else { throw ExitCode(2) }
        if words {
            guard revealPersonalData else {
                throw ValidationError("--words prints unmasked text: add --reveal-personal-data")
            }
            let recognizer = try TextRecognizer()
            for path in images {
                let image = try PNGDecoder.decode(try ImageFile.readBytes(path: path), path: path)
                let read = recognizer.recognize(image, blanking: scanner.scan(image).map(\.corners))
                try Output.print("== \(path)")
                for line in ScreenText(words: read).lines {
                    try Output.print(
                        line.words.map { "\($0.text)(\(Int($0.confidence)),h\($0.box.bottom - $0.box.top))" }.joined(
                            separator: " "))
                }
            }
            return
        }
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
