import QRHarness
import Foundation
import QRConformance
import QRConformanceReports

/// `check`: judges screenshots in worker processes and writes one report, JSON streamed row by row in input
/// order, JUnit or HTML rendered once every row is in.
public struct CheckRun {
    public var images: [String]
    public var options: CheckOptions
    /// What the workers judge with: the options, with the spec and trust list bytes the driver read.
    public var worker: WorkerConfiguration
    public var shard: Shard?
    public var format: ReportFormat
    public var workers: WorkerSettings

    public init(
        images: [String], options: CheckOptions, worker: WorkerConfiguration, shard: Shard?, format: ReportFormat,
        workers: WorkerSettings
    ) {
        self.images = images
        self.options = options
        self.worker = worker
        self.shard = shard
        self.format = format
        self.workers = workers
    }

    /// The run-level errors (a missing trust list): reported in the document and worth a warning at once.
    public var runErrors: [ImageError] { [options.missingTrustListError].compactMap { $0 } }

    /// Judges the shard's images and writes the report to `output`, committing it when complete; `log` gets each
    /// image's error as it happens. Returns the run's verdict.
    public func run(to output: ReportSink, log: (String) -> Void, progress: (Int) -> Void) throws -> Verdict {
        let selected = shard?.select(images) ?? images
        let tool = CheckReport.Tool(name: Harness.toolName, version: Harness.toolVersion)
        let jobs = selected.enumerated().map {
            ImageJob(index: $0.offset, path: $0.element, wantsVisual: format == .html)
        }
        let batch = workers.batch(worker)
        guard format != .json else {
            var writer = try StreamingReportWriter(
                tool: tool,
                spec: .init(id: options.spec.spec.id, version: options.spec.spec.version, sha256: options.spec.sha256),
                validationTime: CheckReport.timestamp(options.validationTime), errors: runErrors,
                trustListSHA256: options.trustListSHA256, shard: shard, sink: output.write)
            try BatchRunner.run(
                jobs: jobs, configuration: batch,
                emit: { result in
                    if let message = result.report.error?.message { log(message) }
                    try writer.append(result.report)
                }, progress: progress)
            let verdict = try writer.finish()
            try output.commit()
            return verdict
        }
        var rows: [ImageReport] = []
        var visuals: [String: ScreenshotVisual] = [:]
        try BatchRunner.run(
            jobs: jobs, configuration: batch,
            emit: { result in
                if let message = result.report.error?.message { log(message) }
                rows.append(result.report)
                if let visual = result.visual { visuals[result.report.file] = visual }
            }, progress: progress)
        let report = CheckReport(
            tool: tool, spec: options.spec, validationTime: options.validationTime, images: rows, errors: runErrors,
            trustListSHA256: options.trustListSHA256)
        let bytes =
            format == .junit
            ? CheckRendering.junit(report, spec: options.spec.spec)
            : CheckRendering.html(report, spec: options.spec.spec, visuals: visuals)
        try output.write(Data(bytes))
        try output.commit()
        return report.verdict
    }
}
