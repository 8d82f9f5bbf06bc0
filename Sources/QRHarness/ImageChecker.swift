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

    public init(options: CheckOptions, concurrentPasses: Bool = false) throws(InspectorError) {
        self.options = options
        inspector = try ImageInspector(limits: options.limits, concurrentPasses: concurrentPasses)
        engine = ConformanceEngine(spec: options.spec.spec, trustList: options.trustList)
    }

    /// Reads and judges the image file at `path`.
    public func check(path: String) -> ImageReport {
        let bytes: [UInt8]
        do {
            bytes = try ImageFile.readBytes(path: path, limits: options.limits)
        } catch {
            return ImageReport(file: path, sha256: nil, error: QRConformance.ImageError(code: error.code, message: error.description))
        }
        return check(bytes: bytes, file: path).report
    }

    /// Judges image bytes already in memory; `file` names the image in the report.
    public func check(bytes: [UInt8], file: String) -> (report: ImageReport, inspected: InspectedImage?) {
        let digest = Hashing.sha256Hex(bytes)
        let inspected: InspectedImage
        do {
            inspected = try inspector.inspect(bytes: bytes, path: file)
        } catch {
            return (ImageReport(file: file, sha256: digest, error: QRConformance.ImageError(code: error.code, message: error.description)), nil)
        }
        return (judge(inspected, file: file, sha256: digest), inspected)
    }

    /// Evaluates the rules on an inspected image and builds its report row.
    public func judge(_ inspected: InspectedImage, file: String, sha256: String) -> ImageReport {
        let observation = ObservationBuilder.observation(of: inspected, ppiOverride: options.ppiOverride)
        let findings = engine.evaluate(observation, at: options.validationTime)
        let reveal = options.revealPersonalData
        let symbols = inspected.symbols.map { SymbolView.json($0, includePayload: reveal) }
        let payload = inspected.symbols.first.map {
            PayloadReport(PayloadParse(bytes: $0.scanned.data), revealPersonalData: reveal)
        }
        return ImageReport(file: file, sha256: sha256, symbols: symbols, payload: payload, findings: findings)
    }
}
