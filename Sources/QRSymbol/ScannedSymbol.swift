/// One symbol as the zbar scanner reported it: exact payload bytes, corner points and polarity.
///
/// C-free and `Sendable` so the pure layers can judge it without seeing zbar.
public struct ScannedSymbol: Sendable, Equatable {
    /// zbar's symbology name, "QR-Code" for every symbol we scan.
    public let symbology: String
    /// The payload exactly as encoded (zbar runs in binary mode, no charset guessing).
    public let data: [UInt8]
    /// The symbol's 4 outer corners in its own order TL, BL, BR, TR (quiet zone excluded).
    public let corners: [Point]
    public let polarity: Polarity

    public init(symbology: String, data: [UInt8], corners: [Point], polarity: Polarity) {
        self.symbology = symbology
        self.data = data
        self.corners = corners
        self.polarity = polarity
    }

    /// The payload as text when it is valid UTF-8, else nil.
    public var text: String? {
        String(validating: data, as: UTF8.self)
    }
}
