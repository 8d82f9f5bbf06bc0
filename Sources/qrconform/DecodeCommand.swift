import ArgumentParser
import Foundation
import QRConformance
import QRConformanceReports
import QRErrors
import QRHarness
import QRRun

/// `qrconform decode IMAGE...`: what zbar and our reader see in each image, as one JSON document.
struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode the QR codes in PNG images and print them as JSON.",
        discussion: "Exit status: 0 every image has a QR code, 1 some image has none, 2 an input could not be read."
    )

    @Argument(help: "PNG images to decode.") var images: [String]
    @OptionGroup var limits: LimitOptions
    @Flag(help: "Show payloads in full, with data_b64 (default: masked text only).")
    var revealPersonalData = false

    func run() throws {
        let (report, verdict) = try DecodeRun(limits: limits.imageLimits).run(
            images, revealPersonalData: revealPersonalData, warn: Diagnostics.warn)
        try Output.write(report.jsonBytes(), to: nil)
        try ExitStatus.exit(for: verdict)
    }
}
