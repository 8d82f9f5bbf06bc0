/// The four QR error-correction levels of ISO/IEC 18004, weakest first.
public enum ErrorCorrectionLevel: String, Sendable, Equatable, Codable, CaseIterable, Comparable {
    case L, M, Q, H

    /// The 2-bit indicator stored in the format information (L=01, M=00, Q=11, H=10).
    public var formatBits: Int {
        switch self {
        case .L: 1
        case .M: 0
        case .Q: 3
        case .H: 2
        }
    }

    public init?(formatBits: Int) {
        switch formatBits {
        case 1: self = .L
        case 0: self = .M
        case 3: self = .Q
        case 2: self = .H
        default: return nil
        }
    }

    private var rank: Int {
        switch self {
        case .L: 0
        case .M: 1
        case .Q: 2
        case .H: 3
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
