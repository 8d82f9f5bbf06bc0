/// Everything the harness read from one image before judging it: size, density and its symbols.
public struct InspectedImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public let pixelsPerInch: Double?
    public let symbols: [InspectedSymbol]

    public init(width: Int, height: Int, pixelsPerInch: Double?, symbols: [InspectedSymbol]) {
        self.width = width
        self.height = height
        self.pixelsPerInch = pixelsPerInch
        self.symbols = symbols
    }
}

/// One decoded symbol with what our own reader measured of it and read from its codewords.
public struct InspectedSymbol: Sendable, Equatable {
    public let scanned: ScannedSymbol
    public let measurement: Result<SymbolMeasurement, MeasurementFailure>
    /// Nil when the symbol could not be measured or its format information is unreadable.
    public let codewords: CodewordReading?

    public init(
        scanned: ScannedSymbol, measurement: Result<SymbolMeasurement, MeasurementFailure>, codewords: CodewordReading?
    ) {
        self.scanned = scanned
        self.measurement = measurement
        self.codewords = codewords
    }

    /// Measures a scanned symbol on its image and reads its codewords when the format information allows.
    public static func reading(_ scanned: ScannedSymbol, in image: GrayImage) -> InspectedSymbol {
        let measurement = SymbolMeasurer.measure(image: image, corners: scanned.corners, polarity: scanned.polarity)
        var codewords: CodewordReading?
        if case .success(let m) = measurement, let ecLevel = m.ecLevel, let mask = m.mask {
            codewords = CodewordReader.read(matrix: m.modules, ecLevel: ecLevel, mask: mask)
        }
        return InspectedSymbol(scanned: scanned, measurement: measurement, codewords: codewords)
    }

    /// The best known outer corners: refined by the measurement when it succeeded, else zbar's.
    public var corners: [Point] {
        if case .success(let m) = measurement { return m.corners }
        return scanned.corners
    }
}
