import Foundation
import QRConformance
import QRImaging
import QRSymbol

/// Runs the corpus: payload-only vectors through the engine with a symbol known only by its payload, image vectors
/// through the `ImagePipeline` and the engine, exactly as `check` does.
///
/// Images are inspected once and judged against every spec asked for. Owns a zbar scanner: one runner per thread.
///
/// ```swift
/// let runner = try VectorRunner(corpus: corpus)
/// let verification = runner.verify(spec: loaded.spec)
/// ```
public final class VectorRunner {
    public let corpus: VectorCorpus
    /// Memoising: each file is read, decoded, inspected and its text read once, whatever the number of specs.
    private let pipeline: ImagePipeline
    private var trustLists: [String: Result<TrustList, VectorInputError>] = [:]
    /// Seconds OCR took per image path, wall clock and this process's CPU, for the display benchmark.
    public var ocrSeconds: [String: (wall: Double, cpu: Double)] { pipeline.ocrSeconds }

    /// One vector's judgement under one spec: the outcome of every rule and the verdict.
    public struct Judgement: Sendable, Equatable {
        public let area: String
        public let vector: String
        public let results: [VectorResult]
        public let verdict: ActualOutcome
    }

    /// The reason the payload-only vectors' symbol rules skip.
    public static let payloadOnlyReason = "payload-only vector: symbol measurements unavailable"

    /// - Parameter ocr: how screen text is read: the suite's reader (as `check` does), or plain tesseract for the
    ///   benchmark's baseline.
    public init(corpus: VectorCorpus, ocr: ScreenReader.Method = .suite) throws(InspectorError) {
        self.corpus = corpus
        pipeline = try ImagePipeline(ocr: ocr, memoising: true)
    }

    /// Compares every expectation the manifests hold for `spec.version` with what the rules do.
    public func verify(spec loaded: LoadedSpec) -> VectorVerification {
        let spec = loaded.spec
        var assertions: [VectorAssertion] = []
        var summaries: [VectorAreaSummary] = []
        var without: [String] = []
        for area in corpus.areas {
            let name = area.manifest.area
            let expectedVectors = area.manifest.vectors.filter { $0.vector.expected[spec.version] != nil }
            if area.manifest.spec != spec.id || expectedVectors.isEmpty {
                without.append(name)
                continue
            }
            var rows: [VectorAssertion] = []
            for (group, vector) in expectedVectors {
                let judged = judge(area: area, group: group, vector: vector, spec: loaded)
                let actual = Dictionary(judged.results.map { ($0.rule, $0) }, uniquingKeysWith: { first, _ in first })
                for (rule, text) in (vector.expected[spec.version] ?? [:]).sorted(by: { $0.key < $1.key }) {
                    guard let expected = RuleOutcome(rawValue: text) else { continue }
                    let result = actual[rule]
                    var row = VectorAssertion(
                        area: name, vector: vector.id, rule: rule, expected: .outcome(expected),
                        actual: result?.actual ?? .absent,
                        message: result?.message ?? "the spec has no rule \(rule)")
                    row.unsureAllowed = vector.unsureAllowed?.contains(rule) ?? false
                    rows.append(row)
                }
                if let text = vector.expectedVerdict?[spec.version], let expected = Verdict(rawValue: text) {
                    rows.append(
                        VectorAssertion(
                            area: name, vector: vector.id, rule: VectorAssertion.verdictRow,
                            expected: .verdict(expected),
                            actual: judged.verdict, message: judged.verdictReason))
                }
            }
            summaries.append(
                VectorAreaSummary(
                    area: name, vectors: expectedVectors.count, assertions: rows.count,
                    mismatches: rows.filter { !$0.matches }.count))
            assertions += rows
        }
        return VectorVerification(
            specID: spec.id, specVersion: spec.version, assertions: assertions, summaries: summaries,
            areasWithoutExpectations: without)
    }

    /// Every vector's judgement under `spec`, in corpus order.
    public func judgements(spec: LoadedSpec) -> [Judgement] {
        corpus.areas.flatMap { area in
            area.manifest.vectors.map { group, vector in
                let judged = judge(area: area, group: group, vector: vector, spec: spec)
                return Judgement(
                    area: area.manifest.area, vector: vector.id, results: judged.results, verdict: judged.verdict)
            }
        }
    }

    /// What every rule of `spec` does on every vector of the corpus (asserted or not), in corpus order.
    public func results(spec: LoadedSpec) -> [VectorResult] {
        corpus.areas.flatMap { area in
            area.manifest.vectors.flatMap {
                results(area: area, group: $0.group, vector: $0.vector, spec: spec)
            }
        }
    }

    /// One result per rule of the spec on one vector; several symbols fold to the worst outcome.
    func results(area: VectorCorpus.Area, group: VectorGroup, vector: VectorEntry, spec: LoadedSpec)
        -> [VectorResult]
    {
        judge(area: area, group: group, vector: vector, spec: spec).results
    }

    /// The per-rule results and the verdict of one vector, with the findings that decided the verdict.
    func judge(area: VectorCorpus.Area, group: VectorGroup, vector: VectorEntry, spec loaded: LoadedSpec)
        -> (results: [VectorResult], verdict: ActualOutcome, verdictReason: String)
    {
        let spec = loaded.spec
        let name = area.manifest.area
        let findings: [Finding]
        let verdict: Verdict
        do {
            (findings, verdict) = try evaluate(area: area, group: group, vector: vector, spec: loaded)
        } catch {
            let results = spec.rules.map {
                VectorResult(
                    area: name, vector: vector.id, rule: $0.id, actual: .error(error.message),
                    message: error.message)
            }
            return (results, .error(error.message), error.message)
        }
        let deciding = findings.filter { verdict == .fail ? $0.outcome == .fail : $0.blocksPass }
        let reason =
            deciding.isEmpty
            ? "no rule failed or was left unjudged"
            : "decided by " + Set(deciding.map(\.rule)).sorted().joined(separator: ", ")
        // The outcome a rule reports for an image with several symbols: the weightiest (`RuleOutcome.weight`).
        var byRule: [String: Finding] = [:]
        for finding in findings {
            if let current = byRule[finding.rule], current.outcome.weight >= finding.outcome.weight {
                continue
            }
            byRule[finding.rule] = finding
        }
        let results = spec.rules.map { rule in
            guard let finding = byRule[rule.id] else {
                return VectorResult(
                    area: name, vector: vector.id, rule: rule.id, actual: .absent, message: "no finding")
            }
            return VectorResult(
                area: name, vector: vector.id, rule: rule.id, actual: .outcome(finding.outcome),
                message: finding.message)
        }
        return (results, .verdict(verdict), reason)
    }

    private func evaluate(
        area: VectorCorpus.Area, group: VectorGroup, vector: VectorEntry, spec: LoadedSpec
    ) throws(VectorInputError) -> (findings: [Finding], verdict: Verdict) {
        let text = vector.validationTime ?? group.validationTime ?? area.manifest.validationTime
        guard let text, let time = ValidationTime.parse(text) else {
            throw VectorInputError(message: "\(vector.id): no usable validation_time")
        }
        let trustList = try group.trustList.map { relative throws(VectorInputError) in
            try loadTrustList(area.resolve(relative))
        }
        var options = CheckOptions(spec: spec, validationTime: time, trustList: trustList)
        options.scannability = Self.assertsScannability(vector)
        if let submission = vector.submission {
            return try certify(area.resolve(submission), plan: group.testPlan.map(area.resolve), options: options)
        }
        guard let file = vector.file else {
            let findings = ImageJudging(options: options).engine.evaluate(try payloadObservation(vector), at: time)
            return (findings, Verdict.of(findings))
        }
        let path = area.resolve(file)
        let judged = pipeline.run(
            ImageJob(
                index: 0, path: path, displayMode: vector.displayMode.flatMap(DisplayMode.init(rawValue:)),
                ppi: vector.ppi, wantsObservation: true),
            judging: ImageJudging(options: options))
        if let error = judged.report.error { throw VectorInputError(message: error.message) }
        // Tesseract that cannot start is an input error of the corpus run, not an inconclusive screen.
        if case .unavailable(let reason)? = judged.observation?.screenText, vector.displayMode != nil {
            throw VectorInputError(message: "\(path): \(reason)")
        }
        return (judged.report.findings, Verdict.of(judged.report.findings))
    }

    /// A submission judged as `certify` judges it: the submission findings and every screenshot's findings.
    /// Whether a vector asserts SYM-019: only those pay for the scannability ladder (as `check --scannability`
    /// would); the others see it not run, as plain `check` does.
    static func assertsScannability(_ vector: VectorEntry) -> Bool {
        vector.expected.values.contains { $0["SYM-019"] != nil }
    }

    private func certify(_ path: String, plan planPath: String?, options: CheckOptions) throws(VectorInputError)
        -> (findings: [Finding], verdict: Verdict)
    {
        guard let planPath, let data = FileManager.default.contents(atPath: planPath) else {
            throw VectorInputError(
                message: "\(path): the test plan \(planPath ?? "(none)") cannot be read")
        }
        let bytes = Array(data)
        let plan: TestPlan
        do {
            plan = try TestPlan.decode(bytes, path: planPath)
        } catch {
            throw VectorInputError(message: error.description)
        }
        let certifier: SubmissionCertifier
        do {
            certifier = try SubmissionCertifier(
                plan: plan, planFile: .init(path: planPath, bytes: bytes), trustListFile: nil, options: options)
        } catch {
            throw VectorInputError(message: error.description)
        }
        let report = certifier.certify(path: path).report
        if let error = report.error, error.code != .noTrustList {
            throw VectorInputError(message: error.message)
        }
        let findings = report.findings + report.images.flatMap(\.findings)
        let verdict =
            report.error == nil
            ? report.verdict : SubmissionReport.verdict(error: nil, images: report.images, findings: report.findings)
        return (findings, verdict)
    }

    /// A payload-only vector: a symbol known only by its payload, every measurement unavailable.
    private func payloadObservation(_ vector: VectorEntry) throws(VectorInputError) -> ImageObservation {
        let bytes: [UInt8]
        if let text = vector.payload {
            bytes = Array(text.utf8)
        } else if let encoded = vector.payloadBase64, let data = Data(base64Encoded: encoded) {
            bytes = Array(data)
        } else {
            throw VectorInputError(message: "\(vector.id): no payload, payload_base64 or file")
        }
        return ImageObservation(symbols: [
            SymbolObservation(payload: bytes, notMeasured: Self.payloadOnlyReason)
        ])
    }

    private func loadTrustList(_ path: String) throws(VectorInputError) -> TrustList {
        if let cached = trustLists[path] { return try cached.get() }
        let result: Result<TrustList, VectorInputError>
        do {
            result = .success(try TrustListFile.load(path: path).trustList)
        } catch {
            result = .failure(VectorInputError(message: error.description))
        }
        trustLists[path] = result
        return try result.get()
    }
}

/// A vector whose input could not be read (image, trust list, time): reported as `error` on its rows.
public struct VectorInputError: Error, Sendable, Equatable {
    public let message: String
}
