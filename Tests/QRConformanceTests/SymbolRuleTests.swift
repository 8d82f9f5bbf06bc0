import QRConformance
import QRSymbol
import Testing

/// One symbol-rule case: a change to the conformant symbol, the rule judged, and the expected outcome and message.
struct SymbolCase: CustomTestStringConvertible, Sendable {
    let name: String
    let rule: String
    let outcome: RuleOutcome
    let message: String
    let ppi: Double?
    let change: @Sendable (inout SymbolObservation) -> Void

    init(
        _ name: String, _ rule: String, _ outcome: RuleOutcome, _ message: String, ppi: Double? = 300,
        _ change: @escaping @Sendable (inout SymbolObservation) -> Void = { _ in }
    ) {
        self.name = name
        self.rule = rule
        self.outcome = outcome
        self.message = message
        self.ppi = ppi
        self.change = change
    }

    var testDescription: String { "\(rule) \(name)" }
}

/// Every symbol rule, at least one passing and one failing measurement each, with the exact message.
@Suite struct SymbolRuleTests {
    static let cases: [SymbolCase] = [
        SymbolCase("level Q", "SYM-002", .pass, "passed: Error correction level at least M"),
        SymbolCase(
            "level L", "SYM-002", .fail,
            "error correction level L is below the minimum M; generate the code at level M or higher"
        ) { $0.ecLevel = .value(.L) },
        SymbolCase(
            "level unavailable", "SYM-002", .inconclusive,
            "error correction level unavailable: format information unreadable"
        ) { $0.ecLevel = .unavailable("format information unreadable") },
        SymbolCase("level Q", "SYM-003", .pass, "passed: Error correction level Q recommended"),
        SymbolCase(
            "level M", "SYM-003", .warn,
            "error correction level M is below the recommended Q; level Q tolerates more damage and glare"
        ) { $0.ecLevel = .value(.M) },
        SymbolCase("version 8", "SYM-004", .pass, "passed: QR version at most 13"),
        SymbolCase(
            "version 14", "SYM-004", .fail,
            "QR version 14 is above the maximum 13; shorten the payload or use the smallest version that holds it"
        ) { $0.version = .value(14) },
        SymbolCase("needed version", "SYM-005", .pass, "passed: QR version no larger than the payload needs"),
        SymbolCase("needed plus slack", "SYM-005", .pass, "passed: QR version no larger than the payload needs") {
            $0.version = .value(10)
        },
        SymbolCase(
            "too large", "SYM-005", .warn,
            "QR version 11 is larger than needed: 92 bytes fit version 8 at level Q (allowed up to 10); use the "
                + "smallest version that holds the payload"
        ) { $0.version = .value(11) },
        SymbolCase("both agree", "SYM-006", .pass, "passed: Both format information copies readable and in agreement"),
        SymbolCase(
            "disagree", "SYM-006", .warn, "the two format information copies disagree; one is damaged or drawn wrongly"
        ) { $0.formatCopies = .value(.disagree) },
        SymbolCase(
            "only first", "SYM-006", .warn,
            "only the first format information copy (around the top-left finder) is readable; the second is damaged "
                + "or covered"
        ) { $0.formatCopies = .value(.onlyFirstReadable) },
        SymbolCase(
            "version blocks", "SYM-006", .warn,
            "the version information does not agree with the symbol size; a version block is damaged or wrong"
        ) { $0.versionSourcesAgree = .value(false) },
        SymbolCase("byte", "SYM-007", .pass, "passed: Only numeric, alphanumeric or byte segments") {
            $0.segments = .value([.numeric, .byte])
        },
        SymbolCase(
            "ECI", "SYM-007", .fail,
            "the symbol uses eci segments; encode the payload with numeric, alphanumeric, byte segments only"
        ) { $0.segments = .value([.eci, .byte]) },
        SymbolCase("1.0", "SYM-008", .pass, "passed: Unused error correction at least 0.62"),
        SymbolCase(
            "0.5", "SYM-008", .fail,
            "unused error correction is 0.50, below the minimum 0.62; the code is damaged or covered (logo, overlay, "
                + "glare)"
        ) { $0.unusedErrorCorrection = .value(0.5) },
        SymbolCase("1.0", "SYM-009", .pass, "passed: No errors to correct (nothing covers the code)"),
        SymbolCase(
            "0.9", "SYM-009", .warn,
            "unused error correction is 0.90, below 1.00: some codewords needed correcting; check that nothing covers "
                + "or distorts the code"
        ) { $0.unusedErrorCorrection = .value(0.9) },
        SymbolCase("8 px", "SYM-010", .pass, "passed: Module pitch at least 4 pixels"),
        SymbolCase(
            "3 px", "SYM-010", .fail,
            "modules are 3.00 px, below the minimum 4.00 px; draw each module with more pixels"
        ) { $0.modulePixels = .value(ModulePitch(x: 3.2, y: 3.2, min: 3, max: 3.4)) },
        SymbolCase(
            "exactly 4 px, measured a hair below", "SYM-010", .pass, "passed: Module pitch at least 4 pixels"
        ) { $0.modulePixels = .value(ModulePitch(x: 3.99, y: 4.0, min: 3.97, max: 4.01)) },
        SymbolCase(
            "3.9 px, beyond the tolerance", "SYM-010", .fail,
            "modules are 3.90 px, below the minimum 4.00 px; draw each module with more pixels"
        ) { $0.modulePixels = .value(ModulePitch(x: 3.9, y: 3.9, min: 3.9, max: 3.9)) },
        SymbolCase("square", "SYM-011", .pass, "passed: Square modules within 5%"),
        SymbolCase(
            "stretched", "SYM-011", .warn,
            "the module aspect ratio is 1.080, beyond the limit 1.050; scale the code by the same factor in both "
                + "directions"
        ) { $0.squareRatio = .value(1.08) },
        SymbolCase(
            "ratio from pitch", "SYM-011", .warn,
            "the module aspect ratio is 1.250, beyond the limit 1.050; scale the code by the same factor in both "
                + "directions"
        ) {
            $0.squareRatio = .unavailable("not measured")
            $0.modulePixels = .value(ModulePitch(x: 10, y: 8, min: 8, max: 10))
        },
        SymbolCase("integer", "SYM-012", .pass, "passed: Rendered at integer scale with hard edges"),
        SymbolCase(
            "resampled", "SYM-012", .warn,
            "the code is resampled (blurred or grey module edges); draw each module as a whole number of pixels "
                + "without smoothing"
        ) { $0.rendering = .value(.resampled) },
        SymbolCase("4 each", "SYM-013", .pass, "passed: Quiet zone at least 4 modules on every side"),
        SymbolCase(
            "narrow", "SYM-013", .fail,
            "the quiet zone is below 4 modules on the top (2), left (0); leave at least 4 light modules on every "
                + "side of the code"
        ) { $0.quietZone = .value(QuietZone(top: 2, right: 4, bottom: 5, left: 0)) },
        SymbolCase("dark on light", "SYM-014", .pass, "passed: Dark modules on a light background"),
        SymbolCase(
            "inverted", "SYM-014", .fail,
            "the code is drawn light-on-dark; draw it dark-on-light, also when the app uses a dark theme"
        ) { $0.polarity = .value(.lightOnDark) },
        SymbolCase("0.90", "SYM-015", .pass, "passed: Symbol contrast at least 0.55"),
        SymbolCase("0.62 passes the minimum", "SYM-015", .pass, "passed: Symbol contrast at least 0.55") {
            $0.symbolContrast = .value(0.62)
        },
        SymbolCase(
            "0.40", "SYM-015", .fail,
            "symbol contrast is 0.40, below the minimum 0.55; use black modules on a white background"
        ) { $0.symbolContrast = .value(0.4) },
        SymbolCase("0.90", "SYM-016", .pass, "passed: Symbol contrast 0.70 or more recommended"),
        SymbolCase(
            "0.62", "SYM-016", .warn,
            "symbol contrast is 0.62, below the recommended 0.70; use black modules on a white background"
        ) { $0.symbolContrast = .value(0.62) },
        SymbolCase("33.2 mm", "SYM-017", .pass, "passed: Code at least 25 mm wide on screen"),
        SymbolCase(
            "23.7 mm", "SYM-017", .fail, "the code is 23.7 mm wide on screen, below the minimum 25.0 mm; draw it larger"
        ) { $0.sizePixels = .value(280) },
        SymbolCase(
            "no density", "SYM-017", .inconclusive,
            "the pixel density is unknown (no pHYs in the file, no --ppi or --device given, no ppi or catalogued device in the manifest)",
            ppi: nil),
        SymbolCase("agree", "SYM-018", .pass, "passed: Two independent decoders read the same bytes"),
        SymbolCase(
            "differ", "SYM-018", .fail,
            "zbar and the suite's own reader decoded different bytes; the code is ambiguous, check how it is drawn"
        ) { $0.decodersAgree = .value(false) },
        SymbolCase("not measured", "SYM-018", .inconclusive, "second decoding unavailable: not measured") {
            $0.decodersAgree = .unavailable("not measured")
        },
    ]

    @Test(arguments: cases)
    func ruleJudgesMeasurement(_ testCase: SymbolCase) throws {
        var symbol = TestSupport.conformantSymbol()
        testCase.change(&symbol)
        let finding = try TestSupport.finding(testCase.rule, symbol: symbol, ppi: testCase.ppi)
        #expect(finding.outcome == testCase.outcome)
        #expect(finding.message == testCase.message)
    }

    struct CountCase: Sendable {
        let symbols: Int
        let outcome: RuleOutcome
        let message: String
    }

    @Test(arguments: [
        CountCase(symbols: 1, outcome: .pass, message: "passed: Exactly one QR code in the image"),
        CountCase(
            symbols: 0, outcome: .fail,
            message: "no QR code was found in the image; show the personal QR code on screen"),
        CountCase(
            symbols: 2, outcome: .fail, message: "the image holds 2 QR codes; show exactly 1 personal QR code"),
    ])
    func symbolCount(_ testCase: CountCase) throws {
        let image = ImageObservation(symbols: Array(repeating: TestSupport.conformantSymbol(), count: testCase.symbols))
        let finding = try #require(try TestSupport.findings(image).first { $0.rule == "SYM-001" })
        #expect(finding.outcome == testCase.outcome)
        #expect(finding.message == testCase.message)
    }

    @Test func everySymbolRuleHasAPassingAndAFailingCase() throws {
        let spec = try TestSupport.loadedSpec().spec
        for rule in spec.rules where rule.area == .symbol && rule.id != "SYM-001" {
            let outcomes = Set((Self.cases + ScannabilityRuleTests.cases).filter { $0.rule == rule.id }.map(\.outcome))
            #expect(outcomes.contains(.pass), "\(rule.id) has no passing case")
            #expect(outcomes.contains(.fail) || outcomes.contains(.warn), "\(rule.id) has no failing case")
        }
    }
}
