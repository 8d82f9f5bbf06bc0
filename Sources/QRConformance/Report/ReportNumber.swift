/// A measured number as reports show it: rounded to 4 decimals so float noise never changes a report, whole values
/// written as integers, and `null` for a value that is not finite.
public struct ReportNumber: Sendable, Equatable, Codable {
    /// The rounded value; nil when the measured value was not finite.
    public let value: Double?

    public init(_ measured: Double) {
        value = measured.isFinite ? (measured * 10_000).rounded() / 10_000 : nil
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        value = container.decodeNil() ? nil : try container.decode(Double.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        guard let value, value.isFinite else { return try container.encodeNil() }
        if value == value.rounded(), abs(value) < 1e15 {
            try container.encode(Int(value))
        } else {
            try container.encode(value)
        }
    }
}
