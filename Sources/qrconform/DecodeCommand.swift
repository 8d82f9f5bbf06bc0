import ArgumentParser
import Foundation
import QRConformance
import QRConformanceReports
import QRErrors
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
        let inspector = try ImageInspector(limits: limits.imageLimits, concurrentPasses: true)
        var entries: [DecodeReport.Entry] = []
        var exit = ExitStatus.pass
        for path in images {
            var bytes: [UInt8]?
            do {
                let read = try ImageFile.readBytes(path: path, limits: inspector.limits)
                bytes = read
                let inspected = try inspector.inspect(bytes: read, path: path)
                if inspected.symbols.isEmpty {
                    exit = exit.worst(.fail)
                    Diagnostics.warn("\(path): no QR code found")
                }
                entries.append(.init(file: path, bytes: read, inspected: inspected, error: nil))
            } catch {
                exit = exit.worst(.error)
                Diagnostics.warn(error.description)
                entries.append(.init(file: path, bytes: bytes, inspected: nil, error: ImageError(error)))
            }
        }
        try Output.write(DecodeReport(images: entries, revealPersonalData: revealPersonalData).jsonBytes(), to: nil)
        if exit != .pass { throw ExitCode(exit.rawValue) }
    }
}
