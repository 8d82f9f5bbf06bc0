import QRSymbol

/// The measurement's own value types, judged by the rules as they are measured.
public typealias FormatCopiesAgreement = SymbolMeasurement.FormatAgreement
public typealias Rendering = SymbolMeasurement.Rendering
public typealias ModulePitch = SymbolMeasurement.ModulePitch
public typealias QuietZone = SymbolMeasurement.QuietZone

/// A QR segment mode (ISO/IEC 18004 mode indicators), as read from the codewords.
public enum SegmentMode: String, Sendable, Equatable, Codable, CaseIterable {
    case numeric, alphanumeric, byte, kanji, hanzi, eci
    case structuredAppend = "structured-append"
    case fnc1First = "fnc1-first"
    case fnc1Second = "fnc1-second"
}
