import Foundation
import QRConformance
import QRConformanceReports
import QRImaging
import QRSymbol

/// Judges images against the spec: the `ImagePipeline`'s stages, then the rules (findings) and the report row.
/// One per worker.
///
/// Never throws for a bad image: an unreadable file becomes an `error` row naming the file and the cause,
/// so a batch always has one result per input.
public final class ImageChecker {
    public let options: CheckOptions
    public let pipeline: ImagePipeline
    private let engine: ConformanceEngine

    public init(options: CheckOptions, concurrentPasses: Bool = false) throws(InspectorError) {
        self.options = options
        let quietZone = RuleParameters(options.spec.spec.rule("SYM-013")?.parameters ?? [:]).integer("minimum") ?? 4
        pipeline = try ImagePipeline(
            limits: options.limits, concurrentPasses: concurrentPasses, quietZoneModules: quietZone)
        engine = ConformanceEngine(spec: options.spec.spec, trustList: options.trustList)
        quietZoneModules = quietZone
        textConfidence = RuleParameters(options.spec.spec.rule("DSP-001")?.parameters ?? [:]).number("min_confidence")
        scannabilityPlan = options.scannability ? ScannabilityPlan(spec: options.spec.spec) : nil
    }

    /// DSP-001's minimum word confidence, which the report's screen-text coverage is counted with; nil when the spec
    /// has no display rules (no coverage is reported then).
    private let textConfidence: Double?

    /// SYM-019's ladders, read from the spec once per checker; nil when the run does not ask for the ladder.
    private let scannabilityPlan: ScannabilityPlan?

    /// Reads and judges the image file at `path`.
    public func check(path: String) -> ImageReport {
        judge(ImageJob(index: 0, path: path)).report
    }

    /// Judges one job: from its bytes when the job carries them, else from its file, decoding the PNG once.
    public func judge(_ job: ImageJob) -> JudgedImage {
        let bytes: [UInt8]
        if let data = job.data {
            bytes = [UInt8](data)
        } else {
            do {
                bytes = try ImageFile.readBytes(path: job.path, limits: options.limits)
            } catch {
                let report = ImageReport(file: job.path, sha256: nil, error: ImageError(error))
                return JudgedImage(index: job.index, report: report)
            }
        }
        let digest = Hashing.sha256Hex(bytes)
        let image: GrayImage
        do {
            image = try pipeline.decode(bytes, name: job.path)
        } catch {
            let report = ImageReport(file: job.path, sha256: digest, error: ImageError(error))
            return JudgedImage(index: job.index, report: report)
        }
        let inspected = pipeline.inspect(image)
        var observation = pipeline.observe(
            image, inspected, ppi: job.ppi ?? options.ppiOverride, displayMode: job.displayMode ?? options.displayMode)
        let views = pipeline.assessScannability(image, inspected, into: &observation, plan: scannabilityPlan)
        let report = judge(inspected, observation: observation, file: job.path, sha256: digest)
        var visual =
            job.wantsVisual
            ? ScreenshotCrop.visual(
                image: image, symbols: inspected.symbols, quietZone: quietZoneModules,
                revealPersonalData: options.revealPersonalData)
            : nil
        visual?.regionCrops = RegionCropper.crops(
            image: image, findings: report.findings, revealPersonalData: options.revealPersonalData)
        visual?.checkpoints = CheckpointCrop.views(
            views, observation: observation, revealPersonalData: options.revealPersonalData)
        return JudgedImage(
            index: job.index, report: report, observation: job.wantsObservation ? observation : nil, visual: visual)
    }

    /// SYM-013's minimum, drawn as the quiet-zone band of a crop; 4 when the spec has none.
    private let quietZoneModules: Int

    /// Evaluates the rules on an observation and builds the image's report row.
    private func judge(_ inspected: InspectedImage, observation: ImageObservation, file: String, sha256: String)
        -> ImageReport
    {
        let findings = engine.evaluate(observation, at: options.validationTime)
        let reveal = options.revealPersonalData
        var symbols = inspected.symbols.map { SymbolReport($0, payload: reveal ? .revealed : .omitted) }
        for index in symbols.indices where index < observation.symbols.count {
            symbols[index].scannability = observation.symbols[index].scannability.margin
        }
        let payload = inspected.symbols.first.map {
            PayloadReport(PayloadParse(bytes: $0.scanned.data), revealPersonalData: reveal)
        }
        var screenText: ScreenTextSummary?
        if observation.displayMode != nil, let reading = observation.screenText.value, let textConfidence {
            screenText = ScreenTextSummary(ScreenCoverage(reading, minimumConfidence: textConfidence))
        }
        return ImageReport(
            file: file, sha256: sha256, symbols: symbols, payload: payload, findings: findings, screenText: screenText)
    }
}
