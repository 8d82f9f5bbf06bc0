import Foundation

/// How values are encoded between a worker and its driver: like the report, plus what the report leaves out but the
/// driver needs (a finding's symbol index, a display finding's screen box).
public enum ReportCoding {
    static let internalsKey = CodingUserInfoKey(rawValue: "qrconform.internals")

    /// An encoder for worker results: sorted keys, and the members reports leave out.
    public static func transportEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let key = internalsKey { encoder.userInfo[key] = true }
        return encoder
    }
}

extension [CodingUserInfoKey: Any] {
    /// Whether the encoder writes a worker result rather than a report.
    var carriesInternals: Bool {
        guard let key = ReportCoding.internalsKey else { return false }
        return self[key] as? Bool == true
    }
}
