/// SUB-001: the manifest is valid, names this spec and known personas, and every listed file is present.
public struct ManifestValidRule: SubmissionRule {
    public let id = "SUB-001"

    public init() {}

    public func evaluate(_ context: SubmissionContext) -> [RuleResult] {
        let manifest: SubmissionManifest
        switch context.manifest {
        case .failure(let error):
            return [.violation("the manifest is not usable: \(error.description)", Evidence(where: error.file))]
        case .success(let value):
            manifest = value
        }
        let location = SubmissionManifest.fileName
        guard context.specNames.contains(manifest.spec) else {
            let expected = context.specNames.sorted().joined(separator: " or ")
            return [
                .violation(
                    "the manifest names spec \"\(manifest.spec)\"; this run judges against \(expected)",
                    Evidence(measured: manifest.spec, limit: expected, where: location + " /spec"))
            ]
        }
        let present = Set(context.files)
        let missing = manifest.screenshots.map(\.file).filter { !present.contains($0) }
        if !missing.isEmpty {
            return [
                .violation(
                    "listed screenshots are missing from the submission: \(missing.joined(separator: ", "))",
                    Evidence(measured: "\(missing.count) missing", limit: "0 missing", where: location))
            ]
        }
        let unknown = manifest.screenshots.filter { context.plan.persona($0.persona) == nil }
        if let first = unknown.first {
            let known = context.plan.personas.map(\.id).joined(separator: ", ")
            return [
                .violation(
                    "\(first.file) names persona \"\(first.persona)\", which is not in test plan \(context.plan.id) "
                        + "(personas: \(known))",
                    Evidence(measured: first.persona, limit: known, where: "screenshot \(first.file)"))
            ]
        }
        return [.pass(Evidence(measured: "\(manifest.screenshots.count) screenshots listed", where: location))]
    }
}
