import Foundation

/// What a submission report says it rests on: tool, spec, validation time and input files; read back from a
/// report.json to judge its submission again under the same conditions (`verify-report --submission`).
///
/// ```swift
/// let provenance = try SubmissionReportProvenance.decode(bytes, path: "Reports/ACME/report.json")
/// ```
public struct SubmissionReportProvenance: Sendable, Equatable, Decodable {
    public struct File: Sendable, Equatable, Decodable {
        public let path: String
        public let sha256: String
    }

    public struct Inputs: Sendable, Equatable, Decodable {
        public let testPlan: File
        public let trustList: File?
        public let submission: String
        public let submissionSHA256: String?

        enum CodingKeys: String, CodingKey {
            case testPlan = "test_plan"
            case trustList = "trust_list"
            case submission
            case submissionSHA256 = "submission_sha256"
        }
    }

    public let format: Int
    public let tool: CheckReport.Tool
    public let spec: CheckReport.SpecReference
    public let validationTime: String
    public let inputs: Inputs

    enum CodingKeys: String, CodingKey {
        case format, tool, spec, inputs
        case validationTime = "validation_time"
    }

    /// Reads a report's provenance fields strictly (duplicate members and trailing commas refused, parsed once).
    public static func decode(_ bytes: [UInt8], path: String) throws(ReportSigningError) -> SubmissionReportProvenance {
        func refuse(_ cause: String) -> ReportSigningError {
            ReportSigningError.reportSigning(code: .invalidJSON, path: path, cause: cause)
        }
        let provenance: SubmissionReportProvenance
        do {
            provenance = try StrictJSONDecoder().decode(SubmissionReportProvenance.self, from: bytes, file: path)
        } catch {
            throw refuse(
                error.isSyntax ? "not valid JSON: \(error.cause)" : "not a qrconform submission report (\(error.cause))"
            )
        }
        guard provenance.format == SubmissionReport.formatVersion else {
            throw refuse(
                "report format \(provenance.format) is not supported; this build reads \(SubmissionReport.formatVersion)"
            )
        }
        return provenance
    }
}
