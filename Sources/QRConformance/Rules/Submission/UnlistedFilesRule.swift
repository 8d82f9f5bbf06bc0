/// SUB-002: the submission holds no file the manifest does not list (stray files are a warning).
public struct UnlistedFilesRule: SubmissionRule {
    public let id = "SUB-002"

    public init() {}

    public func evaluate(_ context: SubmissionContext) -> [RuleResult] {
        guard let manifest = context.usableManifest else { return [SubmissionContext.noManifest] }
        let listed = Set(manifest.screenshots.map(\.file))
        let unlisted = context.files.filter { !listed.contains($0) }
        guard unlisted.isEmpty else {
            return [
                .violation(
                    "files not listed in the manifest are ignored: \(unlisted.joined(separator: ", "))",
                    Evidence(measured: "\(unlisted.count) unlisted", limit: "0 unlisted", where: "submission"))
            ]
        }
        return [.pass(Evidence(measured: "0 unlisted", limit: "0 unlisted", where: "submission"))]
    }
}
