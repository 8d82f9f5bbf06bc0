import Foundation
import QRConformance
import Testing

/// The shipped spec files lint clean, are embedded byte for byte, and load through the catalog.
@Suite struct SpecFilesTests {
    /// Every `spec/<id>/<version>/rules.json` in the repository.
    static func specFiles() throws -> [URL] {
        let root = TestSupport.repositoryRoot.appendingPathComponent("spec")
        let ids = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0 != "schema" }
        var files: [URL] = []
        for id in ids.sorted() {
            let directory = root.appendingPathComponent(id)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
                isDirectory.boolValue
            else { continue }
            for version in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() {
                let file = directory.appendingPathComponent(version).appendingPathComponent("rules.json")
                if FileManager.default.fileExists(atPath: file.path) { files.append(file) }
            }
        }
        return files
    }

    @Test func everySpecFileLintsClean() throws {
        let files = try Self.specFiles()
        #expect(!files.isEmpty)
        for file in files {
            #expect(SpecLinter.lint(data: try Data(contentsOf: file)) == [], "\(file.path)")
        }
    }

    @Test func bundledSpecsMatchTheFilesByteForByte() throws {
        let files = try Self.specFiles()
        let bundled = SpecCatalog.bundled
        #expect(
            bundled.map(\.key).sorted()
                == files.map { file in
                    let version = file.deletingLastPathComponent()
                    return "\(version.deletingLastPathComponent().lastPathComponent)@\(version.lastPathComponent)"
                }.sorted(), "the EmbedSpecs plugin embeds every spec/*/*/rules.json")
        for entry in bundled {
            let file = TestSupport.repositoryRoot.appendingPathComponent("spec/\(entry.id)/\(entry.version)/rules.json")
            #expect(
                Array(entry.json.utf8) == Array(try Data(contentsOf: file)),
                "\(entry.key) differs from spec/: rebuild (the EmbedSpecs plugin embeds it)")
        }
    }

    @Test func humanReadableDocumentStatesEveryRuleAndParameter() throws {
        for entry in SpecCatalog.bundled {
            let spec = try SpecCatalog.load(named: entry.key).spec
            let url = TestSupport.repositoryRoot.appendingPathComponent("spec/\(entry.id)/\(entry.version)/README.md")
            let document = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            for rule in spec.rules {
                #expect(document.contains("### \(rule.id) — \(rule.title.en)"), "\(rule.id) heading")
                #expect(document.contains("*\(rule.title.vi)*"), "\(rule.id) Vietnamese title")
                #expect(document.contains("severity: **\(rule.severity.rawValue)**"), "\(rule.id) severity")
                for (name, parameter) in rule.parameters {
                    #expect(
                        document.contains("`\(name)` (\(parameter.type.rawValue)) = `\(Self.shown(parameter.value))`"),
                        "\(rule.id) parameter \(name)")
                }
            }
        }
    }

    /// A parameter value as the document writes it.
    static func shown(_ value: ParameterValue) -> String {
        switch value {
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .string(let value): value
        case .boolean(let value): String(value)
        case .strings(let values): values.joined(separator: ", ")
        case .numbers(let values): values.map { String($0) }.joined(separator: ", ")
        }
    }

    @Test func unknownSpecNamesTheBundledOnes() {
        #expect(
            throws: SpecError.spec(
                code: .unknownSpec, path: "vn-other",
                cause:
                    "no bundled spec has this id and no such file exists; bundled specs: vn-personal-qr@1.1, vn-personal-qr@1.2"
            )
        ) {
            try SpecCatalog.load(named: "vn-other")
        }
    }

}
