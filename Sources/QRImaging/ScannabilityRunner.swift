import QRCamera
import QRSymbol

/// Puts one symbol's crop through the scannability ladder with two independent decoders, zbar and zxing-cpp.
///
/// A rung passes only when both read the exact payload bytes; other bytes are a misread, never a read. Each family
/// stops at its first failed rung (the rungs after it are harsher), unless `exhaustive` (the benchmark). Owns a
/// zbar scanner, so one per worker, like `QRScanner`.
public final class ScannabilityRunner {
    private let scanner: QRScanner
    private let zxing = ZXingReader()

    public init?() {
        guard let scanner = QRScanner() else { return nil }
        self.scanner = scanner
    }

    /// The symbol's margin on `ladder`, and the checkpoint camera's image (nil without a checkpoint rung).
    public func margin(
        _ crop: SymbolCrop, payload: [UInt8], ladder: ScannabilityLadder, exhaustive: Bool = false
    ) -> (margin: ScannabilityMargin, checkpointView: GrayImage?) {
        var outcomes: [RungOutcome] = []
        var families: [FamilyMargin] = []
        for family in ladder.families {
            var passed = 0
            var stopped = false
            for rung in family.rungs {
                let outcome = run(rung, crop: crop, payload: payload, ladder: ladder).outcome
                outcomes.append(outcome)
                if outcome.passed, !stopped { passed += 1 } else { stopped = true }
                if stopped, !exhaustive { break }
            }
            let highest = passed > 0 ? family.rungs[passed - 1].label : nil
            families.append(
                FamilyMargin(family: family.name, passed: passed, rungs: family.rungs.count, highest: highest))
        }
        var checkpoint: RungOutcome?
        var view: GrayImage?
        if let rung = ladder.checkpoint {
            let result = run(rung, crop: crop, payload: payload, ladder: ladder)
            checkpoint = result.outcome
            view = result.image
            outcomes.append(result.outcome)
        }
        let margin = ScannabilityMargin(
            unit: ladder.unit, families: families, checkpoint: checkpoint, outcomes: outcomes, crop: crop.geometry)
        return (margin, view)
    }

    /// One rung: the camera image and both decoders' outcome on it (both `unread` when the rung cannot apply).
    public func run(_ rung: CameraRung, crop: SymbolCrop, payload: [UInt8], ladder: ScannabilityLadder) -> (
        outcome: RungOutcome, image: GrayImage?
    ) {
        guard let image = CameraSimulator.render(crop, rung: rung, unit: ladder.unit, seed: ladder.seed) else {
            return (RungOutcome(family: rung.family, label: rung.label, zbar: .unread, zxing: .unread), nil)
        }
        let decoded = decode(image, payload: payload)
        return (RungOutcome(family: rung.family, label: rung.label, zbar: decoded.zbar, zxing: decoded.zxing), image)
    }

    /// What each decoder reads in one camera image, judged against the payload.
    public func decode(_ image: GrayImage, payload: [UInt8]) -> (zbar: DecoderOutcome, zxing: DecoderOutcome) {
        (Self.judge(scanner.readOnce(image).map(\.data), payload), Self.judge(zxing.read(image).map(\.data), payload))
    }

    /// `misread` when any reading differs from the payload, `read` when one equals it, else `unread`.
    static func judge(_ readings: [[UInt8]], _ payload: [UInt8]) -> DecoderOutcome {
        if readings.contains(where: { $0 != payload }) { return .misread }
        return readings.isEmpty ? .unread : .read
    }
}
