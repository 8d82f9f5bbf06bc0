import Foundation
import QRCamera
import QRConformance
import QRSymbol
import QRTestSupport
import Testing

/// Shared fixtures: the repository root, the shipped spec, a fixed clock, and a conformant observation.
enum TestSupport {
    /// The repository root, found from this file's path.
    static let repositoryRoot = Repository.root

    /// The published example payload (92 bytes).
    static let example = "001093029317|NGUYEN LE KHA HAN|1987-01-18|0|162979388586171100|<1<HS4010120878821<0944713700"

    /// 2026-01-01T00:00:00Z.
    static let validationTime = Date(timeIntervalSince1970: 1_767_225_600)

    /// The shipped 1405 v1.1 spec.
    static func loadedSpec() throws -> LoadedSpec {
        try SpecCatalog.load(named: "vn-personal-qr@1.1")
    }

    /// A conformant symbol with every measurement present: the example payload, version 8, level Q, 8 px modules.
    static func conformantSymbol(payload: [UInt8] = Array(example.utf8)) -> SymbolObservation {
        var symbol = SymbolObservation(payload: payload)
        symbol.version = .value(8)
        symbol.versionSourcesAgree = .value(true)
        symbol.ecLevel = .value(.Q)
        symbol.mask = .value(3)
        symbol.formatCopies = .value(.bothAgree)
        symbol.modulePixels = .value(ModulePitch(x: 8, y: 8, min: 8, max: 8))
        symbol.squareRatio = .value(1.0)
        symbol.rendering = .value(.integerHardEdges)
        symbol.quietZone = .value(QuietZone(top: 4, right: 4, bottom: 4, left: 4))
        symbol.symbolContrast = .value(0.9)
        symbol.polarity = .value(.darkOnLight)
        symbol.sizePixels = .value(392)
        symbol.segments = .value([.byte])
        symbol.unusedErrorCorrection = .value(1.0)
        symbol.decodersAgree = .value(true)
        let checkpoint = RungOutcome(family: "checkpoint", label: "checkpoint", zbar: .read, zxing: .read)
        symbol.scannability = .assessed(
            ScannabilityMargin(unit: .millimetre, families: [], checkpoint: checkpoint, outcomes: [checkpoint]))
        return symbol
    }

    /// The shipped spec cut to the payload and symbol rules these tests cover (signature rules have their own).
    static func payloadAndSymbolSpec() throws -> Spec {
        let spec = try loadedSpec().spec
        let rules = spec.rules.filter { $0.area == .payload || $0.area == .symbol }
        return Spec(
            formatVersion: spec.formatVersion, id: spec.id, version: spec.version, title: spec.title, rules: rules)
    }

    /// The ids of the payload and symbol rules, in registry order.
    static var payloadAndSymbolRuleIDs: [String] {
        RuleRegistry.ids.filter { $0.hasPrefix("PAY-") || $0.hasPrefix("SYM-") }
    }

    /// All payload and symbol findings for an image under the shipped spec at the fixed clock.
    static func findings(_ image: ImageObservation, at time: Date = validationTime) throws -> [Finding] {
        ConformanceEngine(spec: try payloadAndSymbolSpec()).evaluate(image, at: time)
    }

    /// The single finding of one rule for one symbol with this payload.
    static func finding(_ rule: String, payload: [UInt8]) throws -> Finding {
        try finding(rule, symbol: conformantSymbol(payload: payload))
    }

    /// The single finding of one rule for an image holding one symbol.
    static func finding(_ rule: String, symbol: SymbolObservation, ppi: Double? = 300) throws -> Finding {
        let matches = try findings(ImageObservation(symbols: [symbol], ppi: ppi)).filter { $0.rule == rule }
        try #require(matches.count == 1)
        return matches[0]
    }
}

/// A payload given as text, or as raw bytes when it must not be valid UTF-8.
struct PayloadCase: CustomTestStringConvertible, Sendable {
    let name: String
    let bytes: [UInt8]
    let rule: String
    let outcome: RuleOutcome
    let message: String

    init(_ name: String, _ text: String, _ rule: String, _ outcome: RuleOutcome, _ message: String) {
        self.init(name, bytes: Array(text.utf8), rule, outcome, message)
    }

    init(_ name: String, bytes: [UInt8], _ rule: String, _ outcome: RuleOutcome, _ message: String) {
        self.name = name
        self.bytes = bytes
        self.rule = rule
        self.outcome = outcome
        self.message = message
    }

    var testDescription: String { "\(rule) \(name)" }
}

/// The example with one field replaced (0-based field index).
func exampleWith(field index: Int, with value: String) -> String {
    var fields = TestSupport.example.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    fields[index] = value
    return fields.joined(separator: "|")
}

extension TestSupport {
    /// A measured symbol's report entry as a report file holds it: version 8, EC level Q, rounded figures.
    static let reportSymbolJSON = """
        {
          "codewords" : {"blocks" : [{"corrected" : 0, "data_codewords" : 97, "ec_codewords" : 26}], "ec_level" : "Q",
                         "mask" : 3, "padding_ok" : true, "status" : "ok", "terminator_ok" : true, "trailing_data" : 0,
                         "version" : 8},
          "contrast" : {"near_threshold_fraction" : 0, "symbol_contrast" : 0.9412},
          "decoders_agree" : true, "ec_level" : "Q",
          "format_copies" : [{"bit_errors" : 0, "ec_level" : "Q", "mask" : 3}, null],
          "format_copies_agree" : "only-first-readable", "mask" : 3, "measurement_error" : null,
          "module_px" : {"max" : 8.0001, "min" : 7.9999, "x" : 8, "y" : 8},
          "polarity" : "dark-on-light", "polygon" : [[40, 40], [40, 432], [432, 432], [432, 40]],
          "quiet_zone_modules" : {"bottom" : 4, "left" : 4, "right" : 4, "top" : 4},
          "rendering" : "integer-hard-edges", "rotation_degrees" : 0,
          "segments" : [{"char_count" : 70, "mode" : "byte"}], "size_px" : 392, "square" : 1,
          "symbology" : "QR-Code", "uec" : 0.5385, "version" : 8,
          "version_sources" : {"agree" : true, "geometry" : 8, "info_blocks" : [8, 8]},
          "zbar_polygon" : [[40, 40], [40, 432], [432, 432], [432, 40]]
        }
        """

    static func reportSymbol() throws -> SymbolReport {
        try JSONDecoder().decode(SymbolReport.self, from: Data(reportSymbolJSON.utf8))
    }
}
