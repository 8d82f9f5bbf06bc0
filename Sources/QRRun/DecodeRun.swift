import QRHarness
import QRConformance
import QRConformanceReports
import QRImaging

/// `decode`: what zbar and our reader see in each image (the pipeline's first stages only), as one document.
public struct DecodeRun {
    public var limits: ImageLimits

    public init(limits: ImageLimits) {
        self.limits = limits
    }

    /// Every image prepared once, in order; `warn` gets each image without a code or that could not be read.
    /// The verdict: `pass` every image has a code, `fail` some has none, `error` some could not be read.
    public func run(_ paths: [String], revealPersonalData: Bool, warn: (String) -> Void) throws
        -> (report: DecodeReport, verdict: Verdict)
    {
        let pipeline = try ImagePipeline(limits: limits, concurrentPasses: true)
        var entries: [DecodeReport.Entry] = []
        var verdict = Verdict.pass
        for path in paths {
            switch pipeline.prepare(.file(path: path)) {
            case .success(let prepared):
                if prepared.inspected.symbols.isEmpty {
                    verdict = max(verdict, .fail)
                    warn("\(path): no QR code found")
                }
                entries.append(
                    .init(file: path, sha256: prepared.sha256, inspected: prepared.inspected, error: nil))
            case .failure(let failure):
                verdict = max(verdict, .error)
                warn(failure.error.message)
                entries.append(.init(file: path, sha256: failure.sha256, inspected: nil, error: failure.error))
            }
        }
        return (DecodeReport(images: entries, revealPersonalData: revealPersonalData), verdict)
    }
}
