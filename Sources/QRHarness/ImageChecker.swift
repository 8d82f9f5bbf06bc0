import Foundation
import QRConformance
import QRConformanceReports
import QRImaging
import QRSymbol

/// Judges images against the spec: read, decode, measure, observe, evaluate, report. One per worker.
///
/// Never throws for a bad image: an unreadable file becomes an `error` row naming the file and the cause,
/// so a batch always has one result per input.
public final class ImageChecker {
    public let options: CheckOptions
    private let inspector: ImageInspector
    private let engine: ConformanceEngine
    /// Made on first need (a declared display mode): tesseract takes a while to start and most runs never read text.
    private var recognizer: Result<TextRecognizer, TextRecognizerError>?

    public init(options: CheckOptions, concurrentPasses: Bool = false) throws(InspectorError) {
        self.options = options
        inspector = try ImageInspector(limits: options.limits, concurrentPasses: concurrentPasses)
        engine = ConformanceEngine(spec: options.spec.spec, trustList: options.trustList)
    }

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
                let report = ImageReport(file: job.path, sha256: nil, error: .init(code: error.code, message: error.description))
                return JudgedImage(index: job.index, report: report)
            }
        }
        let digest = Hashing.sha256Hex(bytes)
        let image: GrayImage
        do {
            image = try PNGDecoder.decode(bytes, path: job.path, limits: options.limits)
        } catch {
            let report = ImageReport(file: job.path, sha256: digest, error: .init(code: error.code, message: error.description))
            return JudgedImage(index: job.index, report: report)
        }
        let inspected = inspector.inspect(image: image)
        var observation = ObservationBuilder.observation(of: inspected, ppiOverride: job.ppi ?? options.ppiOverride)
        if let mode = job.displayMode ?? options.displayMode {
            observation.displayMode = mode
            observation.screenText = readScreenText(image, inspected)
        }
        let report = judge(inspected, observation: observation, file: job.path, sha256: digest)
        let visual = job.wantsVisual
            ? ScreenshotCrop.visual(
                image: image, symbols: inspected.symbols, quietZone: quietZoneModules,
                revealPersonalData: options.revealPersonalData)
            : nil
        return JudgedImage(
            index: job.index, report: report, observation: job.wantsObservation ? observation : nil, visual: visual)
    }

    /// SYM-013's minimum, drawn as the quiet-zone band of a crop; 4 when the spec has none.
    private var quietZoneModules: Int {
        RuleParameters(options.spec.spec.rule("SYM-013")?.parameters ?? [:]).integer("minimum") ?? 4
    }

    /// The words on screen beside the code, or why they could not be read.
    private func readScreenText(_ image: GrayImage, _ inspected: InspectedImage) -> Measured<[RecognizedWord]> {
        if recognizer == nil {
            recognizer = Result { () throws(TextRecognizerError) -> TextRecognizer in try TextRecognizer() }
        }
        switch recognizer {
        case .success(let engine): return .value(engine.recognize(image, blanking: inspected.symbols.map(\.corners)))
        case .failure(let error): return .unavailable("the screen text could not be read: \(error)")
        case nil: return .unavailable("the screen text could not be read")
        }
    }

    /// Evaluates the rules on an inspected image and builds its report row.
    public func judge(_ inspected: InspectedImage, file: String, sha256: String) -> ImageReport {
        judge(inspected, observation: ObservationBuilder.observation(of: inspected, ppiOverride: options.ppiOverride),
              file: file, sha256: sha256)
    }

    private func judge(_ inspected: InspectedImage, observation: ImageObservation, file: String, sha256: String) -> ImageReport {
        let findings = engine.evaluate(observation, at: options.validationTime)
        let reveal = options.revealPersonalData
        let symbols = inspected.symbols.map { SymbolReport($0, payload: reveal ? .revealed : .omitted) }
        let payload = inspected.symbols.first.map {
            PayloadReport(PayloadParse(bytes: $0.scanned.data), revealPersonalData: reveal)
        }
        return ImageReport(file: file, sha256: sha256, symbols: symbols, payload: payload, findings: findings)
    }
}
