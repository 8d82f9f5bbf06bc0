import QRConformance
import QRSymbol

/// Turns what the imaging and symbol layers read into the facts the rules judge.
///
/// A fact that could not be measured becomes `unavailable` with the reason, so its rules `skip` rather than guess.
public enum ObservationBuilder {
    public static func observation(of image: InspectedImage, ppiOverride: Double? = nil) -> ImageObservation {
        ImageObservation(symbols: image.symbols.map(observation), ppi: ppiOverride ?? image.pixelsPerInch)
    }

    public static func observation(of symbol: InspectedSymbol) -> SymbolObservation {
        var o = SymbolObservation(payload: symbol.scanned.data)
        o.polarity = .value(symbol.scanned.polarity)
        switch symbol.measurement {
        case .failure(let failure):
            o.setUnavailable("the symbol could not be measured: \(failure)")
        case .success(let m):
            fill(&o, from: m)
        }
        if let reading = symbol.codewords {
            fill(&o, from: reading, zbarBytes: symbol.scanned.data)
        } else if case .success = symbol.measurement {
            let reason = "the format information is unreadable, so the codewords could not be read"
            o.segments = .unavailable(reason)
            o.unusedErrorCorrection = .unavailable(reason)
            o.decodersAgree = .unavailable(reason)
        }
        return o
    }

    private static func fill(_ o: inout SymbolObservation, from m: SymbolMeasurement) {
        o.version = .value(m.version)
        o.versionSourcesAgree = .value(m.versionSources.agree)
        let unreadable = "neither format information copy could be decoded"
        o.ecLevel = m.ecLevel.map(Measured.value) ?? .unavailable(unreadable)
        o.mask = m.mask.map(Measured.value) ?? .unavailable(unreadable)
        o.formatCopies = .value(m.formatCopiesAgree)
        o.modulePixels = .value(m.modulePx)
        o.squareRatio = m.square > 0 ? .value(max(m.square, 1 / m.square)) : .unavailable("module pitch is zero")
        o.rendering = .value(m.rendering)
        o.quietZone = .value(m.quietZoneModules)
        o.symbolContrast = .value(m.contrast.symbolContrast)
        o.sizePixels = .value(m.sizePx)
    }

    private static func fill(_ o: inout SymbolObservation, from reading: CodewordReading, zbarBytes: [UInt8]) {
        switch reading.status {
        case .ok:
            o.segments = .value(reading.segments.map(\.mode))
            o.unusedErrorCorrection = .value(reading.uec)
            o.decodersAgree = .value(reading.agrees(with: zbarBytes))
        case .uncorrectable:
            let block = reading.failingBlock.map { " (block \($0 + 1))" } ?? ""
            o.segments = .unavailable("our reader found more errors than the code can correct\(block)")
            o.unusedErrorCorrection = .value(0)
            o.decodersAgree = .value(false)
        case .malformed:
            let problem = reading.problem?.rawValue ?? "unknown problem"
            o.segments = .unavailable("the corrected bit stream could not be parsed: \(problem)")
            o.unusedErrorCorrection = .value(reading.uec)
            o.decodersAgree = .value(false)
        }
    }
}

extension SymbolObservation {
    /// Marks every measured fact unavailable for the same reason (the payload stays).
    mutating func setUnavailable(_ reason: String) {
        let polarity = self.polarity
        self = SymbolObservation(payload: payload, notMeasured: reason)
        self.polarity = polarity
    }
}
