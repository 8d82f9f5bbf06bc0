import QRConformance

/// What the JUnit and HTML renderers show, built from a check report or a submission report.
public struct ReportView: Sendable, Equatable {
    /// One block of findings: the submission rules, or one screenshot.
    public struct Group: Sendable, Equatable {
        public let name: String
        /// The image file, nil for the submission rules.
        public let file: String?
        public let verdict: Verdict
        public let error: ImageError?
        public let findings: [Finding]
        /// Persona, mode and device of a submitted screenshot, for display.
        public let details: [String]
        /// How much of the screen's text was read, when a display mode was judged.
        public var screenText: ScreenTextSummary? = nil
    }

    public let title: String
    /// A self-test's notice (`SubmissionReport.testOnlyNotice`), shown above everything else; nil for a real report.
    public let testOnly: String?
    public let verdict: Verdict
    /// Label and value lines shown under the verdict.
    public private(set) var facts: [(label: String, value: String)]
    public let groups: [Group]
    public let validationTime: String
    public let rules: [String: SpecRule]

    public static func == (lhs: ReportView, rhs: ReportView) -> Bool {
        lhs.title == rhs.title && lhs.verdict == rhs.verdict && lhs.groups == rhs.groups
            && lhs.facts.map(\.label) == rhs.facts.map(\.label) && lhs.facts.map(\.value) == rhs.facts.map(\.value)
    }

    /// The view of a `qrconform check` report; `spec` gives rule titles and clauses.
    public init(check report: CheckReport, spec: Spec?) {
        title = "qrconform check"
        testOnly = nil
        verdict = report.verdict
        validationTime = report.validationTime
        rules = Self.index(spec)
        facts = Self.common(tool: report.tool, spec: report.spec, time: report.validationTime)
        groups = report.images.map { Self.group($0, details: []) }
    }

    /// The view of a `qrconform certify` report.
    public init(submission report: SubmissionReport, spec: Spec?) {
        title = (report.testOnly == nil ? "" : "[TEST ONLY] ") + "Submission \(report.submission.id)"
        testOnly = report.testOnly
        verdict = report.verdict
        validationTime = report.validationTime
        rules = Self.index(spec)
        var facts = [(label: "Submission", value: report.submission.id)]
        if let vendor = report.submission.vendor { facts.append(("Vendor", vendor)) }
        if let app = report.submission.app { facts.append(("App", "\(app.name) \(app.version) (\(app.platform))")) }
        facts += Self.common(tool: report.tool, spec: report.spec, time: report.validationTime)
        facts.append(("Test plan", "\(report.inputs.testPlan.path) sha256 \(report.inputs.testPlan.sha256)"))
        if let trust = report.inputs.trustList { facts.append(("Trust list", "\(trust.path) sha256 \(trust.sha256)")) }
        if let error = report.error { facts.append(("Error", "\(error.code): \(error.message)")) }
        self.facts = facts
        let submissionVerdict = Verdict.of(report.findings)
        var groups = [
            Group(
                name: "submission rules", file: nil, verdict: report.error == nil ? submissionVerdict : .error,
                error: report.error, findings: report.findings, details: [])
        ]
        let screenshots = Dictionary(report.screenshots.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        for image in report.images {
            let details = screenshots[image.file].map { shot in
                ["persona \(shot.persona)", "mode \(shot.mode.rawValue)", "device \(shot.device)"]
                    + (shot.ppi.map { ["\(Rounding.twoDecimals($0)) ppi"] } ?? [])
            }
            groups.append(Self.group(image, details: details ?? []))
        }
        self.groups = groups
    }

    private static func group(_ image: ImageReport, details: [String]) -> Group {
        Group(
            name: "screenshot \(image.file)", file: image.file, verdict: image.verdict, error: image.error,
            findings: image.findings, details: details, screenText: image.screenText)
    }

    private static func common(
        tool: CheckReport.Tool, spec: CheckReport.SpecReference, time: String
    ) -> [(label: String, value: String)] {
        [
            ("Spec", "\(spec.id)@\(spec.version) sha256 \(spec.sha256)"), ("Validation time", time),
            ("Tool", "\(tool.name) \(tool.version)"),
        ]
    }

    private static func index(_ spec: Spec?) -> [String: SpecRule] {
        Dictionary((spec?.rules ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The view with who signed the report and with which key, as the HTML shows them beside the verdict.
    ///
    /// The signature covers report.json only, so the HTML can name it without changing the signed bytes.
    public func signed(by signer: String, keyID: String, signatureFile: String) -> ReportView {
        var view = self
        view.facts += [
            (label: "Ký bởi / Signed by", value: signer),
            (label: "Khóa / Key id (RFC 7638)", value: keyID),
            (label: "Chữ ký / Signature", value: "\(signatureFile): detached JWS (ES256) over report.json"),
        ]
        return view
    }

    /// What keeps the verdict from being conclusive: each error-severity finding that could not be judged, by group.
    public var missingEvidence: [(group: String, finding: Finding)] {
        groups.flatMap { group in group.findings.filter(\.blocksPass).map { (group.name, $0) } }
    }

    /// Names for the findings of a group: the rule id, plus where when a rule appears more than once.
    public static func caseNames(_ findings: [Finding]) -> [String] {
        let counts = Dictionary(grouping: findings, by: \.rule).mapValues(\.count)
        var seen: [String: Int] = [:]
        return findings.map { finding in
            guard (counts[finding.rule] ?? 0) > 1 else { return finding.rule }
            let index = (seen[finding.rule] ?? 0) + 1
            seen[finding.rule] = index
            return "\(finding.rule) [\(finding.evidence.location ?? "#\(index)")]"
        }
    }

    /// The clause of a rule, or the suite's reasoning when the guidance is silent.
    public func source(of rule: String) -> String {
        switch rules[rule]?.source {
        case .clause(let clause, _)?: clause
        case .interpretation(let reasoning)?: "Suite interpretation: \(reasoning)"
        case nil: ""
        }
    }
}
