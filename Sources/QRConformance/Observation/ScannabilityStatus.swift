import QRCamera
import QRSymbol

/// Whether the scannability ladder ran on a symbol, and its margin when it did.
///
/// `notRun` is a choice of the run (`check` without `--scannability`), so SYM-019 is not applicable;
/// `unavailable` is missing evidence (the symbol could not be measured or cut), so it is inconclusive.
public enum ScannabilityStatus: Sendable, Equatable, Codable {
    case notRun
    case unavailable(String)
    /// The margin on the physical ladder (`unit` millimetre) or, when the pixel density is unknown, on the
    /// module-relative one (`unit` module).
    case assessed(ScannabilityMargin)

    /// The margin, when the ladder ran.
    public var margin: ScannabilityMargin? {
        if case .assessed(let margin) = self { return margin }
        return nil
    }
}

/// What zxing-cpp read from the symbol's crop at screen resolution, for SYM-018's agreement check.
public struct SecondDecoderReading: Sendable, Equatable, Codable {
    /// Whether every code zxing-cpp read there has zbar's exact bytes.
    public var bytesAgree: Bool
    /// The error correction level zxing-cpp reports; nil when it reported none.
    public var ecLevel: ErrorCorrectionLevel?

    public init(bytesAgree: Bool, ecLevel: ErrorCorrectionLevel?) {
        self.bytesAgree = bytesAgree
        self.ecLevel = ecLevel
    }
}
