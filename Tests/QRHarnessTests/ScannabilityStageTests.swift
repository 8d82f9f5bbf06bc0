import Foundation
import QRCamera
import QRConformance
import QRHarness
import QRImaging
import QRSymbol
import QRTestSupport
import Testing

/// The scannability ladder end to end on SYM-019's vectors (TestVectors/conformance/symbol/scan-*.png, made by
/// scripts/gen_conformance_vectors.py): decode, inspect, observe, the camera stage, then the rule.
@Suite struct ScannabilityStageTests {
    static let directory = Repository.root.appendingPathComponent("TestVectors/conformance/symbol")

    /// The observation of one vector, the ladder run with the bundled spec's plan; `ppi` nil keeps the file's pHYs.
    static func observe(_ name: String, spec id: String = "vn-personal-qr@1.1") throws -> ImageObservation {
        try judge(name, spec: id, scannability: true).observation
    }

    /// One vector through the pipeline, with or without the ladder.
    static func judge(_ name: String, spec id: String = "vn-personal-qr@1.1", scannability: Bool) throws
        -> (observation: ImageObservation, findings: [Finding])
    {
        var options = CheckOptions(spec: try SpecCatalog.load(named: id), validationTime: Date())
        options.scannability = scannability
        let path = directory.appendingPathComponent(name).path
        let judged = try ImagePipeline().run(
            ImageJob(index: 0, path: path, wantsObservation: true), judging: ImageJudging(options: options))
        return (try #require(judged.observation), judged.report.findings)
    }

    static func margin(_ name: String) throws -> ScannabilityMargin {
        let observation = try observe(name)
        return try #require(observation.symbols.first?.scannability.margin)
    }

    @Test("a code magnified with a bilinear filter gets a lower margin than the same code at integer scale")
    func bilinearCostsMargin() throws {
        let crisp = try Self.margin("scan-crisp-integer.png")
        let bilinear = try Self.margin("scan-bilinear-magnified.png")
        #expect(bilinear.totalPassed < crisp.totalPassed)
        for (b, c) in zip(bilinear.families, crisp.families) { #expect(b.passed <= c.passed, "\(b.family)") }
    }

    struct Checkpoint: CustomTestStringConvertible, Sendable {
        let file: String
        let passes: Bool
        var testDescription: String { file }
    }

    @Test(
        "the checkpoint rung: 2 px per module at 400 ppi fails, a crisp 26 mm code at 4 px and contrast 0.7 passes",
        arguments: [
            Checkpoint(file: "scan-2px-400ppi.png", passes: false),
            Checkpoint(file: "scan-crisp-integer.png", passes: true),
        ])
    func checkpoint(_ c: Checkpoint) throws {
        let margin = try Self.margin(c.file)
        #expect(margin.unit == .millimetre)
        #expect(try #require(margin.checkpoint).passed == c.passes)
    }

    @Test("the same image gives the same margins on every run")
    func deterministic() throws {
        let first = try Self.observe("scan-bilinear-magnified.png")
        let second = try Self.observe("scan-bilinear-magnified.png")
        #expect(first.symbols.map(\.scannability) == second.symbols.map(\.scannability))
    }

    @Test("without a density the module-relative ladder runs and SYM-019 is inconclusive with the density remedy")
    func noDensity() throws {
        let observation = try Self.observe("scan-no-density.png")
        let margin = try #require(observation.symbols.first?.scannability.margin)
        #expect(margin.unit == .module)
        #expect(margin.checkpoint == nil)
        let spec = try SpecCatalog.load(named: "vn-personal-qr@1.1").spec
        let findings = ConformanceEngine(spec: spec, trustList: nil).evaluate(observation, at: Date())
        let finding = try #require(findings.first { $0.rule == "SYM-019" })
        #expect(finding.outcome == .inconclusive)
        #expect(finding.remedy?.hasPrefix("pass --device NAME") == true)
    }

    @Test("without a plan the ladder does not run: SYM-019 is not applicable and says how to turn it on")
    func notRun() throws {
        let (observation, findings) = try Self.judge("scan-crisp-integer.png", scannability: false)
        #expect(observation.symbols.first?.scannability == .notRun)
        #expect(observation.symbols.first?.zxing == SecondDecoderReading(bytesAgree: true, ecLevel: .Q))
        let finding = try #require(findings.first { $0.rule == "SYM-019" })
        #expect(finding.outcome == .notApplicable)
        #expect(finding.message == CheckpointScanRule.notRunMessage)
    }
}
