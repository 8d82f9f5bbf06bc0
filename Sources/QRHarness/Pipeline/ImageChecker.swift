import QRConformance
import QRImaging

/// An `ImagePipeline` bound to one run's `ImageJudging`: what a worker, or `certify` in one process, judges with.
public final class ImageChecker {
    public let judging: ImageJudging
    public let pipeline: ImagePipeline

    public var options: CheckOptions { judging.options }

    public init(options: CheckOptions, concurrentPasses: Bool = false) throws(InspectorError) {
        judging = ImageJudging(options: options)
        pipeline = try ImagePipeline(limits: options.limits, concurrentPasses: concurrentPasses)
    }

    /// Reads and judges the image file at `path`.
    public func check(path: String) -> ImageReport {
        judge(ImageJob(index: 0, path: path)).report
    }

    /// Judges one job (`ImagePipeline.run`).
    public func judge(_ job: ImageJob) -> JudgedImage {
        pipeline.run(job, judging: judging)
    }
}
