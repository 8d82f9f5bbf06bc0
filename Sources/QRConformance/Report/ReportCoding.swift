import Foundation

/// The one JSON encoder configuration of every output: reports, lists, frames and command output all come from
/// `encoder(_:)`, so equal values give byte-identical files whoever writes them.
public enum ReportCoding {
    /// How the output is laid out; keys are always sorted.
    public enum Layout: Sendable {
        /// Documents a person may read (reports, the public list, `--json` output): pretty-printed, slashes as is.
        case report
        /// One value per line (`ladder` rows, the submission read frame): compact, slashes escaped.
        case compact
        /// Values between a worker and its driver: compact, slashes as is.
        case transport
    }

    /// An encoder with sorted keys and the layout asked for.
    public static func encoder(_ layout: Layout) -> JSONEncoder {
        let encoder = JSONEncoder()
        switch layout {
        case .report: encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        case .compact: encoder.outputFormatting = [.sortedKeys]
        case .transport: encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        }
        return encoder
    }

    /// A document as written to a file: the `report` layout and a newline at the end.
    public static func document<T: Encodable>(_ value: T) throws -> Data {
        var data = try encoder(.report).encode(value)
        data.append(0x0A)
        return data
    }
}
