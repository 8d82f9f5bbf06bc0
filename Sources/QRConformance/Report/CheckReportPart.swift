/// The members of a check report on one side of its `images`, for a writer that streams the rows in between: with
/// sorted keys, `errors` and `format` come before `images`, the rest after.
public struct CheckReportPart: Encodable {
    public enum Side: Sendable {
        case beforeImages, afterImages
    }

    public let report: CheckReport
    public let side: Side

    public init(_ report: CheckReport, _ side: Side) {
        self.report = report
        self.side = side
    }

    public func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder, members: side == .beforeImages ? .beforeImages : .afterImages)
    }
}
