import Foundation
import QRConformance

/// JSON with sorted keys and no escaped slashes, so equal inputs give byte-identical reports.
public enum StableJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        [UInt8](try ReportCoding.document(value))
    }
}

/// Rounds measured values for reports, so float noise does not change the bytes of a report.
public enum Rounding {
    public static func twoDecimals(_ value: Double) -> Double {
        guard value.isFinite else { return 0 }
        return (value * 100).rounded() / 100
    }
}
