import Foundation
import QRConformance
import QRConformanceReports
import QRImaging
import QRSymbol
import QRText

/// The one per-image sequence, for `check`, `certify`, `decode`, `vectors` and the tests: source → bytes (with the
/// limits) and digest → image (libpng) → symbols, measurement and codewords → screen text (tesseract) and the camera
/// stage → observation → findings → report row, and the crops when asked.
///
/// Each stage is a method of its own so a caller can stop early (`decode` stops after `prepare`); `run` is the only
/// place they are chained. Owns a zbar scanner and tesseract: one pipeline per thread or worker.
public final class ImagePipeline {
    public let limits: ImageLimits
    private let inspector: ImageInspector
    public let screenReader: ScreenReader
    /// zxing-cpp at screen resolution (SYM-018) and the scannability ladder (SYM-019), on each symbol's crop.
    public let scannability = ScannabilityStage()
    /// Keep each file's prepared image and screen text: the corpus judges one file under several specs.
    private let memoising: Bool
    private var preparedFiles: [String: Result<PreparedImage, ImagePreparationFailure>] = [:]
    private var screenTexts: [String: Measured<ScreenReading>] = [:]
    /// Seconds each screen-text reading took, wall clock and this process's CPU, by image name: the display
    /// benchmark's figures, kept by a memoising pipeline only (a worker's would grow with every image).
    public private(set) var ocrSeconds: [String: (wall: Double, cpu: Double)] = [:]

    /// - Parameter memoising: keep every file's prepared image and screen text for the pipeline's life (the vector
    ///   corpus); off, nothing outlives the image's run.
    public init(
        limits: ImageLimits = .default, concurrentPasses: Bool = false, ocr: ScreenReader.Method = .suite,
        memoising: Bool = false
    ) throws(InspectorError) {
        self.limits = limits
        self.memoising = memoising
        inspector = try ImageInspector(limits: limits, concurrentPasses: concurrentPasses)
        screenReader = ScreenReader(method: ocr)
    }

    /// Judges one job against `judging`: the whole sequence. Never throws: an image that cannot be read or decoded
    /// becomes an `error` row naming the file and the cause, so a batch has one result per input.
    public func run(_ job: ImageJob, judging: ImageJudging) -> JudgedImage {
        let prepared: PreparedImage
        switch prepare(job.source) {
        case .failure(let failure):
            let report = ImageReport(file: job.path, sha256: failure.sha256, error: failure.error)
            return JudgedImage(index: job.index, report: report)
        case .success(let value): prepared = value
        }
        let options = judging.options
        var observation = observe(
            prepared, ppi: job.ppi ?? options.ppiOverride, displayMode: job.displayMode ?? options.displayMode,
            quietZoneModules: judging.quietZoneModules)
        let views = scannability.assess(
            prepared.image, prepared.inspected, into: &observation, plan: judging.scannabilityPlan)
        let findings = judging.engine.evaluate(observation, at: options.validationTime)
        let report = row(prepared, observation: observation, findings: findings, judging: judging)
        let visual =
            job.wantsVisual ? crops(prepared, report: report, observation: observation, views: views, judging) : nil
        return JudgedImage(
            index: job.index, report: report, observation: job.wantsObservation ? observation : nil, visual: visual)
    }

    /// Source → bytes within the limits → image → symbols, each measured and its codewords read.
    public func prepare(_ source: ImageSource) -> Result<PreparedImage, ImagePreparationFailure> {
        guard memoising, case .file(let path) = source else { return prepareOnce(source) }
        if let cached = preparedFiles[path] { return cached }
        let result = prepareOnce(source)
        preparedFiles[path] = result
        return result
    }

    private func prepareOnce(_ source: ImageSource) -> Result<PreparedImage, ImagePreparationFailure> {
        let bytes: [UInt8]
        switch source {
        case .bytes(_, let data): bytes = data
        case .file(let path):
            do {
                bytes = try ImageFile.readBytes(path: path, limits: limits)
            } catch {
                return .failure(ImagePreparationFailure(error: ImageError(error), bytes: nil))
            }
        }
        let image: GrayImage
        do {
            image = try decode(bytes, name: source.name)
        } catch {
            return .failure(ImagePreparationFailure(error: ImageError(error), bytes: bytes))
        }
        return .success(
            PreparedImage(
                name: source.name, bytes: bytes, sha256: Hashing.sha256Hex(bytes), image: image,
                inspected: inspect(image)))
    }

    /// Bytes → image: the one place a PNG is decoded.
    public func decode(_ bytes: [UInt8], name: String) throws(ImageLoadError) -> GrayImage {
        try PNGDecoder.decode(bytes, path: name, limits: limits)
    }

    /// Image → symbols, each measured and its codewords read.
    public func inspect(_ image: GrayImage) -> InspectedImage {
        inspector.inspect(image: image)
    }

    /// What the rules judge: the symbols' facts, the pixel density, and the screen text when a mode is declared.
    public func observe(
        _ prepared: PreparedImage, ppi: Double?, displayMode: DisplayMode?, quietZoneModules: Int = 4
    ) -> ImageObservation {
        var observation = ObservationBuilder.observation(of: prepared.inspected, ppiOverride: ppi)
        if let displayMode {
            observation.displayMode = displayMode
            observation.screenText = screenText(prepared, quietZoneModules: quietZoneModules)
        }
        return observation
    }

    /// The words on the screen outside the codes, read once per image (per file for the whole life of a memoising
    /// pipeline), and timed for the display benchmark (the reading alone: tesseract is started before the clock).
    public func screenText(_ prepared: PreparedImage, quietZoneModules: Int = 4) -> Measured<ScreenReading> {
        let key = "\(quietZoneModules)\u{0}\(prepared.name)"
        if memoising, let cached = screenTexts[key] { return cached }
        guard memoising else {
            return screenReader.read(prepared.image, prepared.inspected, quietZoneModules: quietZoneModules)
        }
        screenReader.startEngine()
        let start = DispatchTime.now().uptimeNanoseconds
        let startCPU = Self.processCPUSeconds()
        let reading = screenReader.read(prepared.image, prepared.inspected, quietZoneModules: quietZoneModules)
        ocrSeconds[prepared.name] = (
            Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9, Self.processCPUSeconds() - startCPU
        )
        screenTexts[key] = reading
        return reading
    }

    /// Observation and findings → the image's report row, personal data masked unless the run reveals it.
    func row(
        _ prepared: PreparedImage, observation: ImageObservation, findings: [Finding], judging: ImageJudging
    ) -> ImageReport {
        let reveal = judging.options.revealPersonalData
        let inspected = prepared.inspected
        var symbols = inspected.symbols.map { SymbolReport($0, payload: reveal ? .revealed : .omitted) }
        for index in symbols.indices where index < observation.symbols.count {
            symbols[index].scannability = observation.symbols[index].scannability.margin
        }
        let payload = inspected.symbols.first.map {
            PayloadReport(PayloadParse(bytes: $0.scanned.data), revealPersonalData: reveal)
        }
        var screenText: ScreenTextSummary?
        if observation.displayMode != nil, let reading = observation.screenText.value,
            let parameters = judging.textParameters, let coverage = ScreenCoverage(reading, parameters: parameters)
        {
            screenText = ScreenTextSummary(coverage)
        }
        return ImageReport(
            file: prepared.name, sha256: prepared.sha256, symbols: symbols, payload: payload, findings: findings,
            screenText: screenText)
    }

    /// The HTML report's pictures: the QR crop with its quiet-zone band, the crop of each region a finding names,
    /// and what the checkpoint camera saw.
    func crops(
        _ prepared: PreparedImage, report: ImageReport, observation: ImageObservation, views: [CameraView?],
        _ judging: ImageJudging
    ) -> ScreenshotVisual? {
        let reveal = judging.options.revealPersonalData
        var visual = ScreenshotCrop.visual(
            image: prepared.image, symbols: prepared.inspected.symbols, quietZone: judging.quietZoneModules,
            revealPersonalData: reveal)
        visual?.regionCrops = RegionCropper.crops(
            image: prepared.image, findings: report.findings, revealPersonalData: reveal)
        visual?.checkpoints = CheckpointCrop.views(views, observation: observation, revealPersonalData: reveal)
        return visual
    }

    /// CPU seconds this process has used (all threads): steadier than wall time on a loaded machine.
    static func processCPUSeconds() -> Double {
        var time = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
