import ArgumentParser
import Foundation
import QRConformance
import QRConformanceReports
import QRErrors
import QRHarness
import QRRun

/// `qrconform check IMAGE...`: judge screenshots against the spec and write a report.
///
/// Images run in worker processes (`--jobs`), so a crash or hang in the C decoders costs one image, not the run;
/// the report is written row by row in input order.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check PNG screenshots against the spec and write a JSON report.",
        discussion: """
            Exit status, the worst over all images (pass < inconclusive < fail < error): 0 every image passes \
            (warnings allowed), 3 inconclusive (no rule failed, but a required rule could not be judged: the pixel \
            density is unknown, OCR could not read the text, the symbol could not be measured; each such finding \
            says what would make it judgeable), 1 some image fails, 2 harness or input error.
            """
    )

    @Argument(help: "PNG screenshots to check.") var images: [String]
    @OptionGroup var common: CheckArguments
    @OptionGroup var batch: BatchOptions
    @Option(help: "Report format: json (streamed row by row), junit or html.") var format: ReportFormat = .json
    @Option(help: "Write the report to this file instead of stdout.") var output: String?

    func run() throws {
        let (options, worker) = try common.options()
        let run = CheckRun(
            images: images, options: options, worker: worker, shard: batch.shard.flatMap(Shard.init), format: format,
            workers: try batch.workers())
        for error in run.runErrors { Diagnostics.warn(error.message) }
        // Opened before any image is judged, so a bad --output fails at once.
        let sink = try ReportSink(path: output)
        let progress = Progress(total: run.shard?.select(images).count ?? images.count, enabled: !batch.quiet)
        let verdict = try run.run(to: sink, log: progress.log, progress: progress.update)
        progress.finish()
        try ExitStatus.exit(for: verdict)
    }
}

extension ReportFormat: ExpressibleByArgument {}
