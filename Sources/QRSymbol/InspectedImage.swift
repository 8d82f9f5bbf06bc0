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

/// One decoded symbol with what our own reader measured of it.
public struct InspectedSymbol: Sendable, Equatable {
    public let scanned: ScannedSymbol

    public init(scanned: ScannedSymbol) {
        self.scanned = scanned
    }
}
