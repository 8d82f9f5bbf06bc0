/// One segment of a QR data bit stream, as its mode indicator and header announced it (ISO/IEC 18004 7.4).
public struct DataSegment: Sendable, Equatable, Codable {
    /// The segment's mode, named as in reports.
    public enum Mode: String, Sendable, Equatable, Codable, CaseIterable {
        case numeric, alphanumeric, byte, kanji, eci
        case structuredAppend = "structured-append"
        case fnc1First = "fnc1-first"
        case fnc1Second = "fnc1-second"
    }

    /// Header of a structured-append segment: this symbol's position, the symbol count, the parity byte.
    public struct StructuredAppend: Sendable, Equatable, Codable {
        public var symbolIndex: Int
        public var symbolCount: Int
        public var parity: Int

        public init(symbolIndex: Int, symbolCount: Int, parity: Int) {
            self.symbolIndex = symbolIndex
            self.symbolCount = symbolCount
            self.parity = parity
        }

        enum CodingKeys: String, CodingKey {
            case symbolIndex = "symbol_index"
            case symbolCount = "symbol_count"
            case parity
        }
    }

    public var mode: Mode
    /// Characters announced by the character count indicator (0 for modes that have none).
    public var charCount: Int
    /// The ECI assignment number, for ECI segments.
    public var eciDesignator: Int?
    /// The application indicator, for FNC1-second-position segments.
    public var applicationIndicator: Int?
    /// The header fields, for structured-append segments.
    public var structuredAppend: StructuredAppend?

    public init(
        mode: Mode, charCount: Int, eciDesignator: Int? = nil, applicationIndicator: Int? = nil,
        structuredAppend: StructuredAppend? = nil
    ) {
        self.mode = mode
        self.charCount = charCount
        self.eciDesignator = eciDesignator
        self.applicationIndicator = applicationIndicator
        self.structuredAppend = structuredAppend
    }

    enum CodingKeys: String, CodingKey {
        case mode
        case charCount = "char_count"
        case eciDesignator = "eci_designator"
        case applicationIndicator = "application_indicator"
        case structuredAppend = "structured_append"
    }
}
