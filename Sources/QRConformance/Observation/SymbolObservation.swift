import QRSymbol
import QRText

/// What is known about one QR symbol in an image: its exact payload bytes and the measurements that could be made.
///
/// The CLI fills it from zbar and the pure reader; every measurement defaults to unavailable.
public struct SymbolObservation: Sendable, Equatable, Codable {
    /// The decoded payload bytes, exactly as read.
    public var payload: [UInt8]
    public var version: Measured<Int>
    /// Whether the version from the symbol size and from the version information blocks agree.
    public var versionSourcesAgree: Measured<Bool>
    public var ecLevel: Measured<ErrorCorrectionLevel>
    public var mask: Measured<Int>
    public var formatCopies: Measured<FormatCopiesAgreement>
    public var modulePixels: Measured<ModulePitch>
    /// Longer module pitch over shorter (1 = square).
    public var squareRatio: Measured<Double>
    public var rendering: Measured<Rendering>
    public var quietZone: Measured<QuietZone>
    /// Light minus dark reflectance of the module centres, 0–1.
    public var symbolContrast: Measured<Double>
    public var polarity: Measured<Polarity>
    /// Side of the symbol in pixels, quiet zone excluded.
    public var sizePixels: Measured<Double>
    public var segments: Measured<[SegmentMode]>
    /// Unused error correction, 0–1 (1 = no codeword needed correcting).
    public var unusedErrorCorrection: Measured<Double>
    /// Whether zbar and the suite's own reader decoded the same bytes.
    public var decodersAgree: Measured<Bool>
    /// What zxing-cpp read at screen resolution; nil when it read nothing (SYM-018 then compares the other two).
    public var zxing: SecondDecoderReading? = nil
    /// The scannability ladder's margin (SYM-019).
    public var scannability: ScannabilityStatus = .notRun

    public init(payload: [UInt8], notMeasured reason: String = "not measured") {
        self.payload = payload
        version = .unavailable(reason)
        versionSourcesAgree = .unavailable(reason)
        ecLevel = .unavailable(reason)
        mask = .unavailable(reason)
        formatCopies = .unavailable(reason)
        modulePixels = .unavailable(reason)
        squareRatio = .unavailable(reason)
        rendering = .unavailable(reason)
        quietZone = .unavailable(reason)
        symbolContrast = .unavailable(reason)
        polarity = .unavailable(reason)
        sizePixels = .unavailable(reason)
        segments = .unavailable(reason)
        unusedErrorCorrection = .unavailable(reason)
        decodersAgree = .unavailable(reason)
    }
}

/// Everything the rules see about one image: the symbols found and the pixel density, if known.
public struct ImageObservation: Sendable, Equatable, Codable {
    public var symbols: [SymbolObservation]
    /// Pixels per inch: the command-line override if given, else the file's pHYs density, else nil.
    public var ppi: Double?
    /// The display mode declared for the screenshot; nil when none was (the display rules then skip).
    public var displayMode: DisplayMode?
    /// The words OCR read beside the code (symbols blanked) and the text lines found from the pixels, or why the
    /// screen was not read.
    public var screenText: Measured<ScreenReading>

    public init(
        symbols: [SymbolObservation], ppi: Double? = nil, displayMode: DisplayMode? = nil,
        screenText: Measured<ScreenReading> = .unavailable("the screen text was not read")
    ) {
        self.symbols = symbols
        self.ppi = ppi
        self.displayMode = displayMode
        self.screenText = screenText
    }
}
