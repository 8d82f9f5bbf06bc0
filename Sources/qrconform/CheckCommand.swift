import ArgumentParser
import Foundation
import QRConformance
import QRConformanceReports
import QRHarness

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
    @Option(help: "Report format: json (streamed row by row), junit or html.") var format: String = "json"
    @Option(help: "Write the report to this file instead of stdout.") var output: String?

    func validate() throws {
        guard ["json", "junit", "html"].contains(format) else {
            throw ValidationError("unknown report format '\(format)'; supported: json, junit, html")
        }
    }

    func run() throws {
        let (options, worker) = try common.options()
        let runErrors = [options.missingTrustListError].compactMap { $0 }
        for error in runErrors { Diagnostics.warn(error.message) }
        let shard = batch.shard.flatMap(Shard.init)
        let selected = shard?.select(images) ?? images
        let streamed = format == "json"
        let sink = try ReportSink(path: streamed ? output : nil, discard: !streamed)
        // Opened before any image is judged, so a bad --output fails at once.
        let rendered = streamed ? nil : try output.map { path throws(OutputError) in try AtomicFile(path: path) }
        var rows: [ImageReport] = []
        var writer = try StreamingReportWriter(
            tool: .init(name: Harness.toolName, version: Harness.toolVersion),
            spec: .init(id: options.spec.spec.id, version: options.spec.spec.version, sha256: options.spec.sha256),
            validationTime: CheckReport.timestamp(options.validationTime), errors: runErrors,
            trustListSHA256: options.trustListSHA256, shard: shard, sink: sink.write)
        let configuration = BatchConfiguration(
            jobs: batch.jobs, imageTimeout: batch.imageTimeout, executable: try SelfExecutable.path(),
            worker: worker)
        let progress = Progress(total: selected.count, enabled: !batch.quiet)
        let jobs = selected.enumerated().map {
            ImageJob(index: $0.offset, path: $0.element, wantsVisual: format == "html")
        }
        var visuals: [String: ScreenshotVisual] = [:]
        try BatchRunner.run(
            jobs: jobs, configuration: configuration,
            emit: { result in
                if let message = result.report.error?.message { progress.log(message) }
                try writer.append(result.report)
                if !streamed { rows.append(result.report) }
                if let visual = result.visual { visuals[result.report.file] = visual }
            }, progress: progress.update)
        progress.finish()
        let verdict = try writer.finish()
        try sink.commit()
        if !streamed {
            let report = CheckReport(
                tool: .init(name: Harness.toolName, version: Harness.toolVersion), spec: options.spec,
                validationTime: options.validationTime, images: rows, errors: runErrors,
                trustListSHA256: options.trustListSHA256)
            let bytes =
                format == "junit"
                ? CheckRendering.junit(report, spec: options.spec.spec)
                : CheckRendering.html(report, spec: options.spec.spec, visuals: visuals)
            if let rendered {
                do {
                    try rendered.write(bytes)
                    try rendered.commit()
                } catch {
                    rendered.discard()
                    throw error
                }
            } else {
                try StandardOutput.write(bytes)
            }
        }
        let code = CheckReport.exitCode(for: verdict)
        if code != 0 { throw ExitCode(code) }
    }
}
