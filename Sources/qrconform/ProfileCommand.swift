import ArgumentParser
import QRHarness
import QRConformance

/// Hidden: per-stage timings for scripts/bench.
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile", abstract: "Internal: time each pipeline stage (for scripts/bench).",
        shouldDisplay: false)

    @Argument var images: [String]
    @Flag(help: "Also time OCR of the screen text.") var ocr = false
    @Flag(
        help: ArgumentHelp(
            "Print the words OCR reads on each image, by line, with confidence, box and glyph columns, then the text "
                + "lines found with their columns; unmasked (test screens only; needs --reveal-personal-data).")
    )
    var words = false
    @Flag var revealPersonalData = false

    func run() throws {
        if words {
            guard revealPersonalData else {
                throw ValidationError("--words prints unmasked text: add --reveal-personal-data")
            }
            return try StageProfile.words(images, emit: Output.print)
        }
        try Output.print(StageProfile.run(images, ocr: ocr, warn: Diagnostics.warn).summary)
    }
}
