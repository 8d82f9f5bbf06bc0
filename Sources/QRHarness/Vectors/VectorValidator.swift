import Foundation
import QRConformance

/// Checks a corpus before it runs: rule ids, outcome values, flags, files, trust lists, times and unique ids.
///
/// Expectations are held to the spec version they name, so a misspelled or retired rule id is an error, never
/// an assertion that silently never runs.
public enum VectorValidator {
    /// Every problem in the corpus, in manifest order; empty when it can run.
    /// - Parameter specs: the specs whose versions the expectations name (their rule ids are the known ones).
    public static func validate(_ corpus: VectorCorpus, specs: [Spec]) -> [VectorProblem] {
        var problems: [VectorProblem] = []
        var seen: [String: String] = [:]
        for area in corpus.areas {
            var check = AreaCheck(area: area, specs: specs)
            check.run(seen: &seen)
            problems += check.problems
        }
        return problems
    }
}

/// The checks of one manifest.
private struct AreaCheck {
    let area: VectorCorpus.Area
    let specs: [Spec]
    var problems: [VectorProblem] = []

    init(area: VectorCorpus.Area, specs: [Spec]) {
        self.area = area
        self.specs = specs
    }

    var manifest: VectorManifest { area.manifest }

    mutating func run(seen: inout [String: String]) {
        if RuleArea(rawValue: manifest.area) == nil {
            problem(
                nil,
                "unknown area \"\(manifest.area)\"; expected one of \(RuleArea.allCases.map(\.rawValue))")
        }
        if manifest.specVersions.isEmpty { problem(nil, "spec_versions is empty") }
        checkTime(manifest.validationTime, nil)
        for group in manifest.groups {
            for rule in group.rules where !RuleRegistry.ids.contains(rule) {
                problem(group.id, "the group names unknown rule id \(rule)")
            }
            checkTime(group.validationTime, group.id)
            if let trustList = group.trustList,
                !FileManager.default.fileExists(atPath: area.resolve(trustList))
            {
                problem(group.id, "trust list \(trustList) does not exist")
            }
            if let plan = group.testPlan, !FileManager.default.fileExists(atPath: area.resolve(plan)) {
                problem(group.id, "test plan \(plan) does not exist")
            }
            for vector in group.vectors {
                if let other = seen[vector.id] {
                    problem(vector.id, "duplicate vector id (also in \(other))")
                }
                seen[vector.id] = area.path
                check(vector)
                if vector.submission != nil, group.testPlan == nil {
                    problem(vector.id, "a submission vector needs its group's test_plan")
                }
                if (vector.validationTime ?? group.validationTime ?? manifest.validationTime) == nil {
                    problem(vector.id, "no validation_time (vector, group or manifest)")
                }
            }
        }
    }

    private mutating func check(_ vector: VectorEntry) {
        let sources = [vector.payload, vector.payloadBase64, vector.file, vector.submission].filter {
            $0 != nil
        }.count
        if sources != 1 {
            problem(
                vector.id,
                "needs exactly one of payload, payload_base64, file or submission (found \(sources))")
        }
        if let submission = vector.submission,
            !FileManager.default.fileExists(atPath: area.resolve(submission))
        {
            problem(vector.id, "submission \(submission) does not exist")
        }
        if let encoded = vector.payloadBase64, Data(base64Encoded: encoded) == nil {
            problem(vector.id, "payload_base64 is not valid base64")
        }
        if let file = vector.file, !FileManager.default.fileExists(atPath: area.resolve(file)) {
            problem(vector.id, "file \(file) does not exist")
        }
        if let mode = vector.displayMode, DisplayMode(rawValue: mode) == nil {
            problem(vector.id, "unknown display_mode \"\(mode)\"; expected default or full")
        }
        if vector.displayMode != nil, vector.file == nil {
            problem(vector.id, "display_mode needs an image file")
        }
        if let ppi = vector.ppi, !(ppi > 0 && ppi.isFinite) {
            problem(vector.id, "ppi must be a positive number")
        }
        checkTime(vector.validationTime, vector.id)
        for flag in vector.flags where manifest.notes[flag] == nil {
            problem(vector.id, "flag \"\(flag)\" is not explained in the manifest's notes")
        }
        if vector.expected.isEmpty { problem(vector.id, "expects nothing") }
        let verdicts = vector.expectedVerdict ?? [:]
        if vector.file != nil || vector.submission != nil {
            for version in vector.expected.keys.sorted() where verdicts[version] == nil {
                problem(vector.id, "an image or submission vector needs expected_verdict for spec version \(version)")
            }
        } else if !verdicts.isEmpty {
            problem(vector.id, "a payload-only vector has no verdict to expect (its symbol rules cannot be judged)")
        }
        for (version, verdict) in verdicts.sorted(by: { $0.key < $1.key }) where Verdict(rawValue: verdict) == nil {
            problem(
                vector.id,
                "unknown verdict \"\(verdict)\" (spec \(version)); expected one of "
                    + Verdict.allCases.map(\.rawValue).joined(separator: ", "))
        }
        for (version, outcomes) in vector.expected.sorted(by: { $0.key < $1.key }) {
            guard manifest.specVersions.contains(version) else {
                problem(
                    vector.id, "expectations for spec version \(version), which spec_versions does not list")
                continue
            }
            let known = knownRules(version: version)
            for (rule, outcome) in outcomes.sorted(by: { $0.key < $1.key }) {
                if !known.ids.contains(rule) {
                    problem(vector.id, "unknown rule id \(rule) for \(known.source)")
                }
                if RuleOutcome(rawValue: outcome) == nil {
                    problem(
                        vector.id,
                        "unknown outcome \"\(outcome)\" for \(rule) (spec \(version)); expected one of "
                            + RuleOutcome.allCases.map(\.rawValue).joined(separator: ", "))
                }
            }
        }
    }

    /// The rule ids a version's expectations may name: that shipped spec's, else every implemented rule.
    private func knownRules(version: String) -> (ids: Set<String>, source: String) {
        if let spec = specs.first(where: { $0.id == manifest.spec && $0.version == version }) {
            return (Set(spec.rules.map(\.id)), "spec \(spec.id) \(version)")
        }
        return (Set(RuleRegistry.ids), "this build (spec \(version) is not loaded)")
    }

    private mutating func checkTime(_ text: String?, _ subject: String?) {
        if let text, ValidationTime.parse(text) == nil {
            problem(subject, "validation_time \"\(text)\" is not an ISO 8601 time")
        }
    }

    private mutating func problem(_ subject: String?, _ message: String) {
        problems.append(VectorProblem(manifest: area.path, subject: subject, message: message))
    }
}
