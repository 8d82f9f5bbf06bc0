import Foundation
import QRConformance
import QRImaging
import QRSymbol

/// The screen-text stage: the words beside the code, or why they could not be read.
///
/// Tesseract is started on first need (a declared display mode), since most runs never read text. The codes are
/// blanked where zbar found them before the page is read, the way the display corpus was measured.
public final class ScreenReader {
    /// How screen text is read.
    public enum Method: String, Sendable, CaseIterable {
        /// `TextRecognizer.read`: the symbols blanked, text lines found from the pixels and read again where the page
        /// pass missed glyphs: what `check` does.
        case suite
        /// `TextRecognizer.recognizePlain`: one PSM 11 pass on the untouched screenshot; the benchmark's baseline.
        case plain
    }

    public let method: Method
    private var recognizer: Result<TextRecognizer, TextRecognizerError>?

    public init(method: Method = .suite) {
        self.method = method
    }

    public func read(_ image: GrayImage, _ inspected: InspectedImage) -> Measured<ScreenReading> {
        if recognizer == nil {
            recognizer = Result { () throws(TextRecognizerError) -> TextRecognizer in try TextRecognizer() }
        }
        switch recognizer {
        case .success(let engine):
            switch method {
            case .suite:
                let reading = engine.read(image, blanking: inspected.symbols.map(\.scanned.corners))
                if let path = ProcessInfo.processInfo.environment["QRC_DEBUG_READING"],
                    let data = try? JSONEncoder().encode(reading)
                {
                    FileManager.default.createFile(atPath: path, contents: data)
                }
                return .value(reading)
            case .plain: return .value(engine.readPlain(image, blanking: inspected.symbols.map(\.scanned.corners)))
            }
        case .failure(let error): return .unavailable("the screen text could not be read: \(error)")
        case nil: return .unavailable("the screen text could not be read")
        }
    }
}
