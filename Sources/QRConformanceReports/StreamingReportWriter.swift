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
        try sink(try Self.head(report(verdicts: [])))
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
        let report = report(verdicts: verdicts)
        try sink(Data((verdicts.isEmpty ? "\n\n  " : "\n  ").utf8) + (try Self.tail(report)))
        return report.verdict
    }

    /// One image row as the report encodes it (pretty, sorted keys, no trailing newline).
    static func encode(_ row: ImageReport) throws -> Data {
        try ReportCoding.encoder(.report).encode(row)
    }

    private func report(verdicts: [Verdict]) -> CheckReport {
        CheckReport(
            tool: tool, spec: spec, validationTime: validationTime, images: [], errors: errors,
            trustListSHA256: trustListSHA256, verdicts: verdicts, shard: shard)
    }

    /// The document up to the rows: the members before `images` as the report lays them out, then `"images" : [`.
    static func head(_ report: CheckReport) throws -> Data {
        let before = try ReportCoding.encoder(.report).encode(CheckReportPart(report, .beforeImages))
        guard before.first == UInt8(ascii: "{"), before.suffix(2) == Data("\n}".utf8) else {
            throw StreamingReportError.unexpectedLayout
        }
        return before.dropLast(2) + Data(",\n  \"images\" : [".utf8)
    }

    /// The document after the rows: `]`, the members after `images` as the report lays them out, a newline.
    static func tail(_ report: CheckReport) throws -> Data {
        let after = try ReportCoding.encoder(.report).encode(CheckReportPart(report, .afterImages))
        guard after.first == UInt8(ascii: "{"), after.last == UInt8(ascii: "}") else {
            throw StreamingReportError.unexpectedLayout
        }
        return Data("],".utf8) + after.dropFirst() + Data("\n".utf8)
    }
}

/// The JSON encoder laid out a part of the report differently than the streaming writer expects.
public enum StreamingReportError: Error, CustomStringConvertible {
    case unexpectedLayout

    public var description: String { "internal error: unexpected layout of the report's members around its images" }
}
