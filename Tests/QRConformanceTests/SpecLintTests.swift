import Foundation
import QRConformance
import QRTestSupport
import Testing

/// Broken copies of the shipped spec fail lint and loading, naming the problem.
@Suite struct SpecLintTests {
    /// A broken copy: a name and the text edit that breaks the shipped spec.
    struct Breakage: CustomTestStringConvertible, Sendable {
        let name: String
        let find: String
        let replace: String
        let problem: LintProblem

        var testDescription: String { name }
    }

    static func shipped() throws -> String {
        let url = TestSupport.repositoryRoot.appendingPathComponent("spec/vn-personal-qr/1.1/rules.json")
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    static let breakages: [Breakage] = [
        Breakage(
            name: "duplicate id", find: "\"id\": \"PAY-002\"", replace: "\"id\": \"PAY-001\"",
            problem: LintProblem(
                pointer: "/rules/1/id", ruleID: "PAY-001",
                message: "duplicate rule id PAY-001; rule ids are unique and never reused")),
        Breakage(
            name: "unknown rule", find: "\"id\": \"SYM-018\"", replace: "\"id\": \"SYM-099\"",
            problem: LintProblem(
                pointer: "/rules/29/id", ruleID: "SYM-099",
                message: "unknown rule SYM-099: this build has no implementation of it")),
        Breakage(
            name: "parameter of the wrong type",
            find: "\"max_version\": { \"type\": \"integer\", \"value\": 13,",
            replace: "\"max_version\": { \"type\": \"integer\", \"value\": \"13\",",
            problem: LintProblem(
                pointer: "/rules/15/parameters/max_version/value", ruleID: "SYM-004",
                message: "declared type integer but the value is a JSON string")),
        Breakage(
            name: "declared type differs from the implementation",
            find: "\"max_version\": { \"type\": \"integer\", \"value\": 13,",
            replace: "\"max_version\": { \"type\": \"number\", \"value\": 13,",
            problem: LintProblem(
                pointer: "/rules/15/parameters/max_version/type", ruleID: "SYM-004",
                message: "parameter \"max_version\" must be of type integer, the spec declares number")),
        Breakage(
            name: "bad severity", find: "\"severity\": \"info\"", replace: "\"severity\": \"notice\"",
            problem: LintProblem(
                pointer: "/rules/14/severity", ruleID: "SYM-003",
                message: "\"notice\" is not one of error, warning, info")),
        Breakage(
            name: "future format version", find: "\"format_version\": 1", replace: "\"format_version\": 2",
            problem: LintProblem(
                pointer: "/format_version", message: "format_version 2 is not supported; the highest supported is 1")),
        Breakage(
            name: "enum value not allowed", find: "\"value\": \"Q\", \"allowed\"",
            replace: "\"value\": \"X\", \"allowed\"",
            problem: LintProblem(
                pointer: "/rules/14/parameters/recommended/value", ruleID: "SYM-003",
                message: "declared type enum but the value is \"X\", which is not in \"allowed\"")),
    ]

    @Test(arguments: breakages)
    func brokenCopyFailsNamingTheProblem(_ breakage: Breakage) throws {
        let text = try Self.shipped()
        #expect(text.contains(breakage.find))
        let broken = Data(text.replacingOccurrences(of: breakage.find, with: breakage.replace).utf8)
        #expect(SpecLinter.lint(data: broken).contains(breakage.problem), "\(SpecLinter.lint(data: broken))")
        do {
            _ = try SpecLoader.load(data: broken, origin: "broken.json")
            Issue.record("the broken copy loaded")
        } catch {
            #expect(error.file == "broken.json")
            #expect(error.cause.contains(breakage.problem.message))
        }
    }

    @Test func implementedRuleMissingFromTheSpecIsNamed() throws {
        let spec = try TestSupport.loadedSpec().spec
        let problems = SpecLinter.lint(data: Data(try Self.shipped().utf8), rules: RuleRegistry.all + [ExtraRule()])
        #expect(
            problems == [
                LintProblem(
                    pointer: "/rules", ruleID: "DSP-999", message: "implemented rule DSP-999 is missing from the spec")
            ])
        #expect(spec.rule("DSP-999") == nil)
    }

    @Test func invalidJSONIsReported() {
        let problems = SpecLinter.lint(data: Data("{\"format_version\": 1,".utf8))
        #expect(problems.count == 1)
        #expect(problems.first?.message.hasPrefix("not valid JSON") == true)
    }

    @Test func unsupportedVersionThrowsTypedError() {
        let data = Data("{\"format_version\": 7}".utf8)
        #expect(
            throws: SpecError.spec(
                code: .unsupportedFormatVersion, path: "x.json",
                cause: "format_version 7 is not supported; the highest supported is 1")
        ) {
            try SpecLoader.load(data: data, origin: "x.json")
        }
    }
}

/// A rule this build pretends to implement, to check that the linter wants every implemented rule in the spec.
private struct ExtraRule: ConformanceRule {
    let id = "DSP-999"
    let parameterTypes: [String: ParameterType] = [:]

    func evaluate(_ context: RuleContext) -> RuleResult { .notApplicable("test rule") }
}

@Suite("spec parameter ranges")
struct SpecParameterRangeTests {
    @Test("an integer parameter outside 0…1 000 000 is refused, naming the rule", arguments: [-1, 1_000_001, Int.max])
    func outOfRangeIntegerIsRefused(value: Int) throws {
        let path = Repository.root.appendingPathComponent("spec/vn-personal-qr/1.1/rules.json")
        var text = try String(contentsOf: path, encoding: .utf8)
        let original = #""slack": { "type": "integer", "value": 2"#
        #expect(text.contains(original))
        text = text.replacingOccurrences(of: original, with: #""slack": { "type": "integer", "value": \#(value)"#)
        let problems = SpecLinter.lint(data: Data(text.utf8))
        #expect(problems.contains { $0.ruleID == "SYM-005" && $0.message.contains("outside 0…1000000") })
    }
}

@Suite("spec catalogue")
struct SpecCatalogTests {
    @Test("a bare id names the released default, never the bundled draft; id@version names exactly that version")
    func bareIdIsTheDefault() throws {
        #expect(try SpecCatalog.load(named: "vn-personal-qr").spec.version == "1.1")
        #expect(try SpecCatalog.load(named: "vn-personal-qr@1.2").spec.version == "1.2")
        #expect(try SpecCatalog.load(named: SpecCatalog.defaultID).spec.version == "1.1")
    }
}
