import Foundation
import QRConformance

/// Writes a check report row by row, so a run over thousands of images holds only a few rows in memory.
///
/// The bytes equal `CheckReport.jsonData()` of the whole report: keys are sorted, so `images` comes after
/// `errors` and `format` (known at the start) and before `summary` and `verdict` (known at the end).
public struct StreamingReportWriter {
    private let sink: (Data) throws -> Void
    private let tool: CheckReport.Tool
    private let spec: CheckReport.SpecReference
    private let validationTime: String
    private let errors: [QRConformance.ImageError]
    private let trustListSHA256: String?
    private let shard: Shard?
    private var verdicts: [Verdict] = []
    private static let marker = "\"images\" : ["

    public init(
        tool: CheckReport.Tool, spec: CheckReport.SpecReference, validationTime: String,
        errors: [QRConformance.ImageError], trustListSHA256: String?, shard: Shard? = nil,
        sink: @escaping (Data) throws -> Void
    ) throws {
        self.shard = shard
        self.tool = tool
        self.spec = spec
        self.validationTime = validationTime
        self.errors = errors
        self.trustListSHA256 = trustListSHA256
        self.sink = sink
        let (head, _) = try skeletonParts(verdicts: [])
        try sink(Data(head.utf8))
    }

    /// Appends the next image row (rows must come in input order).
    public mutating func append(_ row: ImageReport) throws {
        let text = String(decoding: try Self.encode(row), as: UTF8.self)
        let indented = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
        try sink(Data(((verdicts.isEmpty ? "\n" : ",\n") + indented).utf8))
        verdicts.append(row.verdict)
    }

    /// Writes the closing part: summary and verdict of every row appended. Returns the run's verdict.
    @discardableResult
    public func finish() throws -> Verdict {
        let (_, tail) = try skeletonParts(verdicts: verdicts)
        try sink(Data(((verdicts.isEmpty ? "\n\n  " : "\n  ") + tail).utf8))
        return report(verdicts: verdicts).verdict
    }

    /// One image row as the report encodes it (pretty, sorted keys, no trailing newline).
    static func encode(_ row: ImageReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(row)
    }

    private func report(verdicts: [Verdict]) -> CheckReport {
        CheckReport(
            tool: tool, spec: spec, validationTime: validationTime, images: [], errors: errors,
            trustListSHA256: trustListSHA256, verdicts: verdicts, shard: shard)
    }

    /// The report with no rows, split around the empty images array: `…"images" : [` and `]…`.
    private func skeletonParts(verdicts: [Verdict]) throws -> (String, String) {
        let text = String(decoding: try report(verdicts: verdicts).jsonData(), as: UTF8.self)
        guard let range = text.range(of: Self.marker) else { throw StreamingReportError.unexpectedLayout }
        let after = text[range.upperBound...]
        guard let close = after.firstIndex(of: "]") else { throw StreamingReportError.unexpectedLayout }
        return (String(text[..<range.upperBound]), String(after[close...]))
    }
}

/// The JSON encoder laid out an empty report differently than the streaming writer expects.
public enum StreamingReportError: Error, CustomStringConvertible {
    case unexpectedLayout

    public var description: String { "internal error: unexpected layout of the report skeleton" }
}
