import Foundation

/// Checks a spec file: format version, shape, unique ids, parameter types, and that spec and engine agree on the rules.
///
/// ```swift
/// let problems = SpecLinter.lint(data: try Data(contentsOf: url))
/// ```
public enum SpecLinter {
    /// Every problem in the file, in document order; empty when the spec is usable by this build.
    public static func lint(data: Data, rules: [any ConformanceRule] = RuleRegistry.all) -> [LintProblem] {
        let root: JSONValue
        do {
            root = try StrictJSON.parse([UInt8](data))
        } catch {
            return [LintProblem(pointer: "", message: "not valid JSON: \(error)")]
        }
        if let problem = formatVersionProblem(root) { return [problem] }
        var decoder = SpecDecoder()
        guard let spec = decoder.decode(root) else { return decoder.problems }
        return implementationProblems(spec, rules: rules)
    }

    /// The problem with `format_version`, when it is missing or not one this build reads.
    static func formatVersionProblem(_ root: JSONValue) -> LintProblem? {
        let highest = Spec.supportedFormatVersions.upperBound
        guard case .integer(let version)? = root.objectValue?["format_version"] else {
            return LintProblem(
                pointer: "/format_version", message: "missing or not an integer; the highest supported is \(highest)")
        }
        guard Spec.supportedFormatVersions.contains(version) else {
            return LintProblem(
                pointer: "/format_version",
                message: "format_version \(version) is not supported; the highest supported is \(highest)")
        }
        return nil
    }

    /// Rules without an implementation, implemented rules missing from the spec, and parameter mismatches.
    static func implementationProblems(_ spec: Spec, rules: [any ConformanceRule]) -> [LintProblem] {
        var problems: [LintProblem] = []
        let implemented = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, rule) in spec.rules.enumerated() {
            let pointer = "/rules/\(index)"
            guard let implementation = implemented[rule.id] else {
                problems.append(
                    LintProblem(
                        pointer: pointer + "/id", ruleID: rule.id,
                        message: "unknown rule \(rule.id): this build has no implementation of it"))
                continue
            }
            for (name, type) in implementation.parameterTypes.sorted(by: { $0.key < $1.key }) {
                guard let parameter = rule.parameters[name] else {
                    problems.append(
                        LintProblem(
                            pointer: pointer + "/parameters", ruleID: rule.id,
                            message: "missing parameter \"\(name)\" of type \(type.rawValue)"))
                    continue
                }
                if parameter.type != type {
                    problems.append(
                        LintProblem(
                            pointer: pointer + "/parameters/\(name)/type", ruleID: rule.id,
                            message: "parameter \"\(name)\" must be of type \(type.rawValue), "
                                + "the spec declares \(parameter.type.rawValue)"))
                }
            }
            for name in rule.parameters.keys.sorted() where implementation.parameterTypes[name] == nil {
                problems.append(
                    LintProblem(
                        pointer: pointer + "/parameters/\(name)", ruleID: rule.id,
                        message: "parameter \"\(name)\" is not used by the implementation of \(rule.id)"))
            }
        }
        let specIDs = Set(spec.rules.map(\.id))
        for rule in rules where !specIDs.contains(rule.id) {
            problems.append(
                LintProblem(
                    pointer: "/rules", ruleID: rule.id,
                    message: "implemented rule \(rule.id) is missing from the spec"))
        }
        return problems
    }
}
