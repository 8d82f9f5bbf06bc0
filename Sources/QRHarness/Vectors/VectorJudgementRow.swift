import Foundation
import QRConformance

/// One vector's judgement under one spec as `vectors results` prints it for scripts/bench-display: every rule's
/// outcome and message, the verdict, and how long OCR took on its file (null when no text was read).
public struct VectorJudgementRow: Encodable, Sendable {
    public let spec: String
    public let area: String
    public let vector: String
    public let verdict: String
    public let ocrSeconds: Double?
    public let ocrCPUSeconds: Double?
    public let rules: [String: String]
    public let messages: [String: String]

    enum CodingKeys: String, CodingKey {
        case spec, area, vector, verdict, rules, messages
        case ocrSeconds = "ocr_seconds"
        case ocrCPUSeconds = "ocr_cpu_seconds"
    }

    /// Every vector of the runner's corpus judged under each spec, in spec then corpus order.
    public static func all(_ runner: VectorRunner, specs: [LoadedSpec]) -> [VectorJudgementRow] {
        specs.flatMap { loaded in
            runner.judgements(spec: loaded).map { judgement in
                let area = runner.corpus.areas.first { $0.manifest.area == judgement.area }
                let path = area.flatMap { area in
                    area.manifest.vectors.first { $0.vector.id == judgement.vector }?.vector.file.map(area.resolve)
                }
                let seconds = path.flatMap { runner.ocrSeconds[$0] }
                return VectorJudgementRow(
                    spec: "\(loaded.spec.id)@\(loaded.spec.version)", area: judgement.area, vector: judgement.vector,
                    verdict: judgement.verdict.description, ocrSeconds: seconds?.wall, ocrCPUSeconds: seconds?.cpu,
                    rules: Dictionary(
                        judgement.results.map { ($0.rule, $0.actual.description) },
                        uniquingKeysWith: { first, _ in first }),
                    messages: Dictionary(
                        judgement.results.map { ($0.rule, $0.message) }, uniquingKeysWith: { first, _ in first }))
            }
        }
    }

    /// Null, not a missing member, where OCR did not run: the benchmark reads every key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(spec, forKey: .spec)
        try container.encode(area, forKey: .area)
        try container.encode(vector, forKey: .vector)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(ocrSeconds, forKey: .ocrSeconds)
        try container.encode(ocrCPUSeconds, forKey: .ocrCPUSeconds)
        try container.encode(rules, forKey: .rules)
        try container.encode(messages, forKey: .messages)
    }
}
