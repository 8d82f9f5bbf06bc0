import QRCamera
import QRConformance
import QRSymbol
import Testing

/// SYM-019 on crafted margins (the ladder itself is tested in QRSymbolTests and QRHarnessTests), and zxing-cpp's
/// part in SYM-018.
@Suite struct ScannabilityRuleTests {
    static func rung(_ label: String, _ zbar: DecoderOutcome, _ zxing: DecoderOutcome) -> RungOutcome {
        RungOutcome(
            family: label.split(separator: " ").first.map(String.init) ?? label, label: label, zbar: zbar, zxing: zxing)
    }

    static func margin(checkpoint: RungOutcome?, unit: ScannabilityLadder.Unit = .millimetre, extra: [RungOutcome] = [])
        -> ScannabilityMargin
    {
        let outcomes = [rung("blur σ 1 px", .read, .read)] + extra + (checkpoint.map { [$0] } ?? [])
        return ScannabilityMargin(
            unit: unit, families: [FamilyMargin(family: "blur", passed: 1, rungs: 3, highest: "blur σ 1 px")],
            checkpoint: checkpoint, outcomes: outcomes)
    }

    static let cases: [SymbolCase] = [
        SymbolCase("checkpoint read by both", "SYM-019", .pass, "passed: The code survives the checkpoint rung") {
            $0.scannability = .assessed(margin(checkpoint: rung("checkpoint", .read, .read)))
        },
        SymbolCase(
            "checkpoint misread by zxing-cpp", "SYM-019", .warn,
            "a checkpoint camera (the spec's checkpoint rung) does not read the code: zbar read, zxing-cpp misread; "
                + "draw it larger, with whole pixels per module and full contrast"
        ) { $0.scannability = .assessed(margin(checkpoint: rung("checkpoint", .read, .misread))) },
        SymbolCase("ladder not run", "SYM-019", .notApplicable, CheckpointScanRule.notRunMessage) {
            $0.scannability = .notRun
        },
        SymbolCase(
            "symbol not measured", "SYM-019", .inconclusive,
            "the scannability ladder could not run: the symbol could not be measured"
        ) { $0.scannability = .unavailable("the symbol could not be measured") },
        SymbolCase(
            "density unknown", "SYM-019", .inconclusive,
            "the pixel density is unknown, so the camera's physical rungs cannot be run; module-relative margin: "
                + "rungs passed: blur 1/3; first failure zbar: none, zxing-cpp: none; misreads: none"
        ) { $0.scannability = .assessed(margin(checkpoint: nil, unit: .module)) },
        SymbolCase(
            "zxing-cpp reads other bytes", "SYM-018", .fail,
            "zxing-cpp decoded bytes other than zbar's; the code is ambiguous, check how it is drawn"
        ) { $0.zxing = SecondDecoderReading(bytesAgree: false, ecLevel: .Q) },
        SymbolCase(
            "zxing-cpp reports another level", "SYM-018", .fail,
            "zxing-cpp reports error correction level H, the suite's reader Q; the format information is ambiguous"
        ) { $0.zxing = SecondDecoderReading(bytesAgree: true, ecLevel: .H) },
        SymbolCase("zxing-cpp agrees", "SYM-018", .pass, "passed: Two independent decoders read the same bytes") {
            $0.zxing = SecondDecoderReading(bytesAgree: true, ecLevel: .Q)
        },
    ]

    @Test(arguments: cases)
    func ruleJudgesMargin(_ testCase: SymbolCase) throws {
        var symbol = TestSupport.conformantSymbol()
        symbol.ecLevel = .value(.Q)
        testCase.change(&symbol)
        let finding = try TestSupport.finding(testCase.rule, symbol: symbol, ppi: testCase.ppi)
        #expect(finding.outcome == testCase.outcome)
        #expect(finding.message == testCase.message)
    }

    @Test("a misread on any rung is counted as a misread, never a read, and shown in the finding")
    func misreadsShown() throws {
        let misread = Self.rung("JPEG q30", .misread, .read)
        let margin = Self.margin(checkpoint: Self.rung("checkpoint", .read, .read), extra: [misread])
        #expect(margin.misreads == [misread])
        #expect(margin.zbarFirstFailure == "JPEG q30")
        #expect(!misread.passed)
        var symbol = TestSupport.conformantSymbol()
        symbol.scannability = .assessed(margin)
        let finding = try TestSupport.finding("SYM-019", symbol: symbol)
        #expect(finding.evidence.measured?.hasSuffix("misreads: JPEG q30 (zbar)") == true)
    }
}
