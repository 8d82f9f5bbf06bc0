import ArgumentParser
import Foundation
import QRConformance
import QRConformanceReports
import QRHarness
import QRImaging

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
        let pipeline = try ImagePipeline(limits: limits.imageLimits, concurrentPasses: true)
        var entries: [DecodeReport.Entry] = []
        var exit = ExitStatus.pass
        for path in images {
            switch pipeline.prepare(.file(path: path)) {
            case .success(let prepared):
                if prepared.inspected.symbols.isEmpty {
                    exit = exit.worst(.fail)
                    Diagnostics.warn("\(path): no QR code found")
                }
                entries.append(.init(file: path, bytes: prepared.bytes, inspected: prepared.inspected, error: nil))
            case .failure(let failure):
                exit = exit.worst(.error)
                Diagnostics.warn(failure.error.message)
                entries.append(.init(file: path, bytes: failure.bytes, inspected: nil, error: failure.error))
            }
        }
        try Output.write(DecodeReport(images: entries, revealPersonalData: revealPersonalData).jsonBytes(), to: nil)
        if exit != .pass { throw ExitCode(exit.rawValue) }
    }
}
