import Foundation
import QRConformance
import QRSymbol
import Testing

/// The engine: ordering, outcome mapping, skips, several symbols, determinism.
@Suite struct ConformanceEngineTests {
    @Test func conformantImageHasNoFailuresOrWarnings() throws {
        let findings = try TestSupport.findings(ImageObservation(symbols: [TestSupport.conformantSymbol()], ppi: 300))
        #expect(findings.map(\.rule) == TestSupport.payloadAndSymbolRuleIDs.sorted())
        #expect(findings.allSatisfy { $0.outcome == .pass })
    }

    @Test func unmeasuredSymbolLeavesMeasurementRulesInconclusiveWithTheReason() throws {
        let symbol = SymbolObservation(payload: Array(TestSupport.example.utf8), notMeasured: "own reader failed")
        let findings = try TestSupport.findings(ImageObservation(symbols: [symbol]))
        let inconclusive = findings.filter { $0.outcome == .inconclusive }.map(\.rule)
        #expect(Verdict.of(findings) == .inconclusive)
        #expect(findings.filter { $0.outcome == .inconclusive }.allSatisfy { $0.remedy != nil })
        #expect(inconclusive == (2...18).map { String(format: "SYM-%03d", $0) })
        #expect(findings.first { $0.rule == "SYM-013" }?.message == "quiet zone unavailable: own reader failed")
        #expect(findings.filter { $0.rule.hasPrefix("PAY") }.allSatisfy { $0.outcome == .pass })
    }

    @Test func noSymbolMakesSymbolRulesNotApplicableOnce() throws {
        let findings = try TestSupport.findings(ImageObservation(symbols: []))
        #expect(findings.count == TestSupport.payloadAndSymbolRuleIDs.count)
        #expect(findings.filter { $0.outcome == .notApplicable }.count == TestSupport.payloadAndSymbolRuleIDs.count - 1)
        #expect(findings.first { $0.rule == "PAY-001" }?.message == "no QR code was read from the image (see SYM-001)")
        #expect(Verdict.of(findings) == .fail)
    }

    @Test func severityDecidesFailOrWarn() throws {
        var symbol = TestSupport.conformantSymbol()
        symbol.ecLevel = .value(.L)
        let findings = try TestSupport.findings(ImageObservation(symbols: [symbol], ppi: 300))
        let outcomes = Dictionary(uniqueKeysWithValues: findings.map { ($0.rule, ($0.outcome, $0.severity)) })
        #expect(outcomes["SYM-002"]?.0 == .fail && outcomes["SYM-002"]?.1 == .error)
        #expect(outcomes["SYM-003"]?.0 == .warn && outcomes["SYM-003"]?.1 == .info)
        #expect(outcomes["SYM-005"]?.0 == .warn && outcomes["SYM-005"]?.1 == .warning)
    }

    @Test func severalSymbolsAreJudgedEachAndLocated() throws {
        var second = TestSupport.conformantSymbol()
        second.polarity = .value(.lightOnDark)
        let findings = try TestSupport.findings(ImageObservation(symbols: [TestSupport.conformantSymbol(), second]))
        let polarity = findings.filter { $0.rule == "SYM-014" }
        #expect(polarity.map(\.outcome) == [.pass, .fail])
        #expect(polarity.map(\.evidence.location) == ["symbol 1: symbol", "symbol 2: symbol"])
        #expect(findings.filter { $0.rule == "SYM-001" }.count == 1)
    }

    @Test func ruleMissingFromTheBuildIsInconclusive() throws {
        let spec = try TestSupport.payloadAndSymbolSpec()
        let engine = ConformanceEngine(spec: spec, rules: RuleRegistry.all.filter { $0.id != "PAY-004" })
        let finding = engine.evaluate(
            ImageObservation(symbols: [TestSupport.conformantSymbol()]), at: TestSupport.validationTime
        )
        .first { $0.rule == "PAY-004" }
        #expect(finding?.outcome == .inconclusive)
        #expect(finding?.message == "PAY-004 is not implemented in this build")
    }

    @Test func parametersComeFromTheSpec() throws {
        let spec = try TestSupport.payloadAndSymbolSpec()
        let rules = spec.rules.map { rule -> SpecRule in
            guard rule.id == "SYM-004" else { return rule }
            let parameter = SpecParameter(type: .integer, value: .integer(7))
            return SpecRule(
                id: rule.id, area: rule.area, severity: rule.severity, title: rule.title, source: rule.source,
                parameters: ["max_version": parameter])
        }
        let stricter = Spec(formatVersion: 1, id: spec.id, version: spec.version, title: spec.title, rules: rules)
        let finding = ConformanceEngine(spec: stricter)
            .evaluate(ImageObservation(symbols: [TestSupport.conformantSymbol()]), at: TestSupport.validationTime)
            .first { $0.rule == "SYM-004" }
        #expect(finding?.outcome == .fail)
        #expect(finding?.evidence.limit == "≤ 7")
    }

    @Test func sameInputsGiveTheSameFindings() throws {
        let image = ImageObservation(symbols: [
            TestSupport.conformantSymbol(), TestSupport.conformantSymbol(payload: []),
        ])
        #expect(try TestSupport.findings(image) == TestSupport.findings(image))
    }
}

/// One order of rule outcomes for the reports, the register and the vectors.
@Suite struct RuleOutcomeWeightTests {
    @Test("fail outweighs inconclusive, which outweighs warn (it can keep a verdict from pass, warn never does)")
    func oneOrder() {
        let order = RuleOutcome.allCases.sorted { $0.weight < $1.weight }
        #expect(order == [.notApplicable, .pass, .warn, .inconclusive, .fail])
    }
}
