import QRSymbol

/// The measurement's own value types, judged by the rules as they are measured.
public typealias FormatCopiesAgreement = SymbolMeasurement.FormatAgreement
public typealias Rendering = SymbolMeasurement.Rendering
public typealias ModulePitch = SymbolMeasurement.ModulePitch
public typealias QuietZone = SymbolMeasurement.QuietZone

/// A QR segment mode (ISO/IEC 18004 mode indicators), as read from the codewords.
public typealias SegmentMode = DataSegment.Mode
