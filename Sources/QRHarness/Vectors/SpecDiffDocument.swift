import Foundation
import QRConformance
import QRConformanceReports

/// `spec diff` output: text for people, JSON (sorted keys) for CI.
public enum SpecDiffDocument {
    public static func text(
        old: LoadedSpec, new: LoadedSpec, diff: SpecDiff, vectors: [VectorOutcomeChange], corpus: String
    ) -> String {
        var lines = ["spec diff \(name(old)) -> \(name(new))"]
        if diff.isEmpty { lines.append("rules: no changes") }
        for id in diff.added { lines.append("added    \(id)") }
        for id in diff.removed { lines.append("removed  \(id)") }
        for change in diff.changed {
            if let severity = change.severity {
                lines.append(
                    "changed  \(change.id) severity: \(severity.old.rawValue) -> \(severity.new.rawValue)")
            }
            if let title = change.title {
                lines.append("changed  \(change.id) title: \"\(title.old.en)\" -> \"\(title.new.en)\"")
            }
            for parameter in change.parameters {
                lines.append(
                    "changed  \(change.id) parameter \(parameter.name): \(parameter.old ?? "(none)") -> "
                        + "\(parameter.new ?? "(none)")")
            }
        }
        if corpus.isEmpty { return lines.joined(separator: "\n") }
        let flipped = Set(vectors.map(\.vector)).count
        lines.append("vectors whose outcome changes: \(flipped) (\(vectors.count) rule outcomes)")
        if !vectors.isEmpty {
            let rows = vectors.map { c in
                [
                    c.area, c.vector, c.rule, c.old.description, c.new.description,
                    c.expectedNew?.rawValue ?? "-",
                ]
            }
            lines.append(
                TextTable.render(
                    header: ["area", "vector", "rule", "old", "new", "expected (new)"], rows: rows))
        }
        return lines.joined(separator: "\n")
    }

    public static func json(old: LoadedSpec, new: LoadedSpec, diff: SpecDiff, vectors: [VectorOutcomeChange])
        -> Data
    {
        let changed: [JSONValue] = diff.changed.map { change in
            .object([
                "id": .string(change.id),
                "severity": change.severity.map {
                    .object(["old": .string($0.old.rawValue), "new": .string($0.new.rawValue)])
                }
                    ?? .null,
                "title": change.title.map {
                    .object(["old": .string($0.old.en), "new": .string($0.new.en)])
                } ?? .null,
                "parameters": .array(
                    change.parameters.map {
                        .object(["name": .string($0.name), "old": optional($0.old), "new": optional($0.new)])
                    }),
            ])
        }
        let rows: [JSONValue] = vectors.map { c in
            .object([
                "area": .string(c.area), "vector": .string(c.vector), "rule": .string(c.rule),
                "old": .string(c.old.description), "new": .string(c.new.description),
                "expected_new": optional(c.expectedNew?.rawValue),
            ])
        }
        let document = JSONValue.object([
            "format": .integer(1),
            "old": spec(old), "new": spec(new),
            "rules": .object([
                "added": .array(diff.added.map(JSONValue.string)),
                "removed": .array(diff.removed.map(JSONValue.string)),
                "changed": .array(changed),
            ]),
            "vectors": .array(rows),
        ])
        return (try? ReportCoding.encoder(.report).encode(document)) ?? Data("{}".utf8)
    }

    private static func name(_ loaded: LoadedSpec) -> String {
        "\(loaded.spec.id) \(loaded.spec.version) (\(loaded.origin))"
    }

    private static func spec(_ loaded: LoadedSpec) -> JSONValue {
        .object([
            "id": .string(loaded.spec.id), "version": .string(loaded.spec.version),
            "sha256": .string(loaded.sha256),
            "origin": .string(loaded.origin),
        ])
    }

    private static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
}
