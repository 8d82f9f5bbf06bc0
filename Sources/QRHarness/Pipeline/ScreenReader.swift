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
        /// `TextRecognizer.recognize`: the symbols blanked, lines re-read: what `check` does.
        case suite
        /// `TextRecognizer.recognizePlain`: one PSM 11 pass on the untouched screenshot; the benchmark's baseline.
        case plain
    }

    public let method: Method
    private var recognizer: Result<TextRecognizer, TextRecognizerError>?

    public init(method: Method = .suite) {
        self.method = method
    }

    public func read(_ image: GrayImage, _ inspected: InspectedImage) -> Measured<[RecognizedWord]> {
        if recognizer == nil {
            recognizer = Result { () throws(TextRecognizerError) -> TextRecognizer in try TextRecognizer() }
        }
        switch recognizer {
        case .success(let engine):
            switch method {
            case .suite: return .value(engine.recognize(image, blanking: inspected.symbols.map(\.scanned.corners)))
            case .plain: return .value(engine.recognizePlain(image))
            }
        case .failure(let error): return .unavailable("the screen text could not be read: \(error)")
        case nil: return .unavailable("the screen text could not be read")
        }
    }
}
