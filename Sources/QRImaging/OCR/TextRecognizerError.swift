/// Why a text recognizer could not be made; a harness error, thrown, with the tesseract detail.
public struct TextRecognizerError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        /// `TessBaseAPICreate` returned nothing.
        case engineUnavailable = "engine-unavailable"
        /// The language data could not be loaded (package `tesseract-ocr-vie` / `-eng` missing, or a bad path).
        case languageDataMissing = "language-data-missing"
    }

    public let code: Code
    /// The languages asked for, e.g. `vie+eng`.
    public let languages: String
    /// The data path given, or nil for tesseract's default.
    public let dataPath: String?

    public init(code: Code, languages: String, dataPath: String?) {
        self.code = code
        self.languages = languages
        self.dataPath = dataPath
    }

    public var description: String {
        let place = dataPath.map { "in \($0)" } ?? "in tesseract's default data path"
        switch code {
        case .engineUnavailable:
            return "tesseract could not create an engine"
        case .languageDataMissing:
            return "tesseract could not load the languages \(languages) \(place); "
                + "install tesseract-ocr-vie and tesseract-ocr-eng"
        }
    }
}
