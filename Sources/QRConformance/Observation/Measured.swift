/// A measurement fact: either the measured value or the reason it could not be measured.
///
/// Rules whose input is `unavailable` report `skip` with that reason.
public enum Measured<Value: Sendable & Equatable>: Sendable, Equatable {
    case value(Value)
    case unavailable(String)

    /// The value, or nil when unavailable.
    public var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }
}

extension Measured: Codable where Value: Codable {
    private enum CodingKeys: String, CodingKey {
        case value, unavailable
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let reason = try container.decodeIfPresent(String.self, forKey: .unavailable) {
            self = .unavailable(reason)
        } else {
            self = .value(try container.decode(Value.self, forKey: .value))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .value(let value): try container.encode(value, forKey: .value)
        case .unavailable(let reason): try container.encode(reason, forKey: .unavailable)
        }
    }
}
