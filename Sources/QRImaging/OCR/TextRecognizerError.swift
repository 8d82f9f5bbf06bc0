/// Why a text recognizer could not be made; a harness error, thrown, with the tesseract detail.
public struct TextRecognizerError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        /// libtesseract could not be opened (package `libtesseract5` missing) or lacks an entry point.
        case libraryUnavailable = "library-unavailable"
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
    /// The dynamic loader's reason, for `libraryUnavailable`.
    public let detail: String?

    public init(code: Code, languages: String, dataPath: String?, detail: String? = nil) {
        self.code = code
        self.languages = languages
        self.dataPath = dataPath
        self.detail = detail
    }

    public var description: String {
        let place = dataPath.map { "in \($0)" } ?? "in tesseract's default data path"
        switch code {
        case .libraryUnavailable:
            return "tesseract could not be loaded (\(detail ?? "libtesseract.so.5 not found")); install libtesseract5"
        case .engineUnavailable:
            return "tesseract could not create an engine"
        case .languageDataMissing:
            return "tesseract could not load the languages \(languages) \(place); "
                + "install tesseract-ocr-vie and tesseract-ocr-eng"
        }
    }
}
