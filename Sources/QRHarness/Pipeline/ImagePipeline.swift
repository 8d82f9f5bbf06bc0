import QRConformance
import QRImaging
import QRSymbol

/// The stages every judged image goes through, in one place for `check`, `certify`, `vectors` and the tests:
/// bytes → image (libpng) → symbols (zbar) → measurement and codewords (our reader) → screen text (tesseract) →
/// observation. Judging the observation (findings) and building its row are `ImageChecker`'s.
public final class ImagePipeline {
    public let limits: ImageLimits
    private let inspector: ImageInspector
    public let screenReader: ScreenReader
    /// zxing-cpp at screen resolution (SYM-018) and the scannability ladder (SYM-019), on each symbol's crop.
    public let scannability = ScannabilityStage()

    public init(
        limits: ImageLimits = .default, concurrentPasses: Bool = false, ocr: ScreenReader.Method = .suite,
        quietZoneModules: Int = 4
    ) throws(InspectorError) {
        self.limits = limits
        inspector = try ImageInspector(limits: limits, concurrentPasses: concurrentPasses)
        screenReader = ScreenReader(method: ocr, quietZoneModules: quietZoneModules)
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
        _ image: GrayImage, _ inspected: InspectedImage, ppi: Double?, displayMode: DisplayMode?
    ) -> ImageObservation {
        var observation = ObservationBuilder.observation(of: inspected, ppiOverride: ppi)
        if let displayMode {
            observation.displayMode = displayMode
            observation.screenText = screenReader.read(image, inspected)
        }
        return observation
    }

    /// The camera stage on an observation: zxing-cpp's reading of each symbol and, with a plan, its ladder margin;
    /// returns per symbol what the checkpoint camera saw (for the HTML report).
    public func assessScannability(
        _ image: GrayImage, _ inspected: InspectedImage, into observation: inout ImageObservation,
        plan: ScannabilityPlan?
    ) -> [CameraView?] {
        scannability.assess(image, inspected, into: &observation, plan: plan)
    }
}
