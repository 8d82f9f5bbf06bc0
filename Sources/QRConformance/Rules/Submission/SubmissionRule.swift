import Foundation

/// A rule judged once per submission (manifest, personas, agreement between screenshots), not per image.
///
/// It is also a `ConformanceRule` so the spec linter knows it; judged per image it is not applicable.
public protocol SubmissionRule: ConformanceRule {
    /// One result per subject (a screenshot or a persona); the `where` of each names the subject.
    func evaluate(_ context: SubmissionContext) -> [RuleResult]
}

extension SubmissionRule {
    public var scope: RuleScope { .image }
    public var parameterTypes: [String: ParameterType] { [:] }

    public func evaluate(_ context: RuleContext) -> RuleResult {
        .notApplicable("judged once per submission by qrconform certify, not per image")
    }
}

/// The inputs of the submission rules.
public struct SubmissionContext: Sendable {
    public let plan: TestPlan
    /// The manifest, or why it could not be used.
    public let manifest: Result<SubmissionManifest, SubmissionError>
    /// Every file in the submission other than the manifest, as relative paths, sorted.
    public let files: [String]
    /// What was read from each screenshot that could be judged, by file.
    public let observations: [String: ImageObservation]
    /// The spec the submission is judged against, as `id` and `id@version`.
    public let specNames: Set<String>

    public init(
        plan: TestPlan, manifest: Result<SubmissionManifest, SubmissionError>, files: [String],
        observations: [String: ImageObservation], specNames: Set<String>
    ) {
        self.plan = plan
        self.manifest = manifest
        self.files = files.sorted()
        self.observations = observations
        self.specNames = specNames
    }

    /// The manifest when it is usable; the rules that need one do not apply without it (SUB-001 fails).
    var usableManifest: SubmissionManifest? {
        if case .success(let manifest) = manifest { return manifest }
        return nil
    }

    static let noManifest = RuleResult.notApplicable("the manifest is not usable (see SUB-001)")
}
