import QRConformance
import QRImaging
import QRSymbol
import QRText

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

    /// Each symbol's outer corners moved out by the quiet zone (module size from the measured version, else from a
    /// version 1 symbol, the largest modules a code can have) and 2 pixels for zbar's corner error. The quiet zone
    /// (SYM-013's minimum, in modules) is left out of the text-line search: text beyond it is text a person sees,
    /// however close to the code.
    func quietZones(_ inspected: InspectedImage, quietZoneModules: Int) -> [[Point]] {
        inspected.symbols.map { symbol in
            let corners: [Point]
            let modules: Int
            switch symbol.measurement {
            case .success(let measurement):
                corners = measurement.corners
                modules = 17 + 4 * measurement.version
            case .failure:
                corners = symbol.scanned.corners
                modules = 21
            }
            guard corners.count == 4 else { return corners }
            let side =
                (0..<4).map { index -> Double in
                    let a = corners[index]
                    let b = corners[(index + 1) % 4]
                    return ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
                }.reduce(0, +) / 4
            guard side > 0, side.isFinite else { return corners }
            let margin = side / Double(modules) * Double(quietZoneModules) + 2
            return OCRImagePreparation.scaled(corners, by: 1 + 2 * margin / side)
        }
    }

    /// The digits of each code's ID number and birth date, the date in each order a screen shows it (`19950327`,
    /// `27031995`, `03271995`): what the display rules look for, so a digit OCR misread in them is read again.
    static func expectedDigits(_ inspected: InspectedImage) -> [String] {
        var values: [String] = []
        for symbol in inspected.symbols {
            guard let fields = PayloadParse(bytes: symbol.scanned.data).payload else { continue }
            let number = fields.soGiayTo.text
            if !number.isEmpty, number.allSatisfy { ("0"..."9").contains($0) } { values.append(number) }
            if let date = CalendarDate(iso: fields.ngaySinh.text) {
                let iso = Array(date.description.filter { ("0"..."9").contains($0) })
                guard iso.count == 8 else { continue }
                let (year, month, day) = (iso[0..<4], iso[4..<6], iso[6..<8])
                values += [String(iso), String(day + month + year), String(month + day + year)]
            }
        }
        return values
    }

    /// Starts tesseract and loads its language data, once per reader (about 0.15 s): the pipeline does it before it
    /// times the first image's reading, so that each image's OCR time is its own.
    public func startEngine() {
        if recognizer == nil {
            recognizer = Result { () throws(TextRecognizerError) -> TextRecognizer in try TextRecognizer() }
        }
    }

    public func read(_ image: GrayImage, _ inspected: InspectedImage, quietZoneModules: Int = 4)
        -> Measured<ScreenReading>
    {
        startEngine()
        switch recognizer {
        case .success(let engine):
            switch method {
            case .suite:
                let reading = engine.read(
                    image, blanking: inspected.symbols.map(\.scanned.corners),
                    quietZones: quietZones(inspected, quietZoneModules: quietZoneModules),
                    expected: Self.expectedDigits(inspected))
                return .value(reading)
            case .plain:
                return .value(
                    engine.readPlain(image, quietZones: quietZones(inspected, quietZoneModules: quietZoneModules)))
            }
        case .failure(let error): return .unavailable("the screen text could not be read: \(error)")
        case nil: return .unavailable("the screen text could not be read")
        }
    }
}
