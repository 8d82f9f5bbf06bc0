import Crypto
import Foundation

/// Reads spec bytes into a `LoadedSpec`, rejecting unknown format versions and any spec that does not lint clean.
public enum SpecLoader {
    /// Decodes and validates a spec.
    /// - Parameter origin: the path or bundled key, named in errors and kept in the result.
    public static func load(data: Data, origin: String) throws(SpecError) -> LoadedSpec {
        let root: JSONValue
        do {
            root = try StrictJSON.parse([UInt8](data))
        } catch {
            throw SpecError.spec(code: .invalidJSON, path: origin, cause: "not valid JSON: \(error)")
        }
        if let problem = SpecLinter.formatVersionProblem(root) {
            throw SpecError.spec(code: .unsupportedFormatVersion, path: origin, cause: problem.message)
        }
        var decoder = SpecDecoder()
        let decoded = decoder.decode(root)
        let problems =
            decoded.map { SpecLinter.implementationProblems($0, rules: RuleRegistry.all) } ?? decoder.problems
        guard let spec = decoded, problems.isEmpty else {
            let first = problems.first
            let more = problems.count > 1 ? " (and \(problems.count - 1) more problems; run spec lint)" : ""
            throw SpecError.spec(
                code: .invalid, path: origin, ruleID: first?.ruleID,
                cause: (first?.description ?? "invalid spec") + more)
        }
        return LoadedSpec(spec: spec, sha256: Hashing.sha256Hex(data), origin: origin)
    }

}
