import Foundation
import QRConformance
import QRHarness
import Testing

/// The shipped corpus validates, covers every rule both ways, and verifies; a changed threshold is caught by name.
@Suite struct VectorCorpusTests {
    static let fastAreas = ["payload", "signature"]

    @Test func shippedCorpusValidates() throws {
        let corpus = try VectorCorpus.load(directory: VectorTestSupport.corpus)
        #expect(corpus.areas.map(\.manifest.area) == ["display", "payload", "signature", "submission", "symbol"])
        #expect(VectorValidator.validate(corpus, specs: try VectorTestSupport.bundledSpecs()) == [])
    }

    @Test func everyRuleOfEveryShippedSpecIsCoveredBothWays() throws {
        let corpus = try VectorCorpus.load(directory: VectorTestSupport.corpus)
        let specs = try VectorTestSupport.bundledSpecs()
        #expect(specs.map(\.version) == ["1.1", "1.2"])
        for spec in specs {
            let coverage = VectorCoverage.of(corpus, spec: spec)
            #expect(coverage.rows.count == spec.rules.count)
            #expect(coverage.gaps.map(\.rule) == [], "spec \(spec.version)")
        }
    }

    @Test func payloadAndSignatureVectorsVerifyAgainstEveryShippedSpec() throws {
        let corpus = try VectorCorpus.load(directory: VectorTestSupport.corpus).only(areas: Self.fastAreas)
        let runner = try VectorRunner(corpus: corpus)
        for spec in try VectorTestSupport.bundledLoadedSpecs() {
            let verification = runner.verify(spec: spec)
            #expect(verification.passed, "\(verification.mismatches.prefix(5))")
            #expect(verification.assertions.count > 1000)
            #expect(verification.summaries.map(\.area) == Self.fastAreas)
        }
    }

    @Test func changedThresholdFailsVerifyAndSpecDiffNamesTheSameVectors() throws {
        let corpus = try VectorCorpus.load(directory: VectorTestSupport.corpus).only(areas: Self.fastAreas)
        let runner = try VectorRunner(corpus: corpus)
        let loaded = try SpecFile.load(idOrPath: "vn-personal-qr@1.1")
        let shipped = loaded.spec
        let changed = VectorTestSupport.spec(shipped, rule: "PAY-005", parameter: "max_length", value: .integer(99))
        let changedSpec = VectorTestSupport.unsaved(changed)
        let mismatches = runner.verify(spec: changedSpec).mismatches
        #expect(
            mismatches.map { "\($0.vector) \($0.rule) \($0.expected) \($0.actual)" }
                == ["pay-005-name-100 PAY-005 pass fail"])
        let diff = SpecDiff(old: shipped, new: changed)
        #expect(diff.added == [] && diff.removed == [])
        #expect(diff.changed.map(\.id) == ["PAY-005"])
        #expect(
            diff.changed.first?.parameters
                == [SpecDiff.ParameterChange(name: "max_length", old: "integer 100", new: "integer 99")])
        let flipped = VectorOutcomeChange.between(old: loaded, new: changedSpec, runner: runner)
        #expect(Set(flipped.map(\.vector)) == Set(mismatches.map(\.vector)))
        #expect(flipped.map(\.expectedNew) == [.pass])
    }

    @Test func specVersionWithoutExpectationsDoesNotPass() throws {
        let corpus = try VectorCorpus.load(directory: VectorTestSupport.corpus).only(areas: ["payload"])
        let shipped = try SpecFile.load(idOrPath: "vn-personal-qr@1.1").spec
        let renamed = Spec(
            formatVersion: shipped.formatVersion, id: shipped.id, version: "9.9", title: shipped.title,
            rules: shipped.rules)
        let verification = try VectorRunner(corpus: corpus).verify(spec: VectorTestSupport.unsaved(renamed))
        #expect(!verification.passed)
        #expect(verification.areasWithoutExpectations == ["payload"])
    }
}
