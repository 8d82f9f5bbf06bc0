import Foundation
import QRCamera
import QRSymbol

/// One symbol as reports show it: zbar's reading, our measurement and our codeword reading.
///
/// `check` and `certify` leave the payload (and the module matrix, which encodes it) out unless personal data is to
/// be revealed; `decode` shows it, and when not revealed as masked text only, without `data_b64`.
public struct SymbolReport: Sendable, Equatable, Codable {
    /// How much of the payload a report carries.
    public enum PayloadDisclosure: Sendable, Equatable {
        /// Neither bytes nor text nor digest (`check`, `certify`).
        case omitted
        /// The text masked as the guidance masks it on screen, no bytes; the digest stays (`decode`).
        case masked
        /// The bytes and the text as scanned (`--reveal-personal-data`).
        case revealed
    }

    /// The payload members of a report that carries them.
    public struct Payload: Sendable, Equatable, Codable {
        public let dataBase64: String?
        public let text: String?
        public let sha256: String

        enum CodingKeys: String, CodingKey {
            case text
            case dataBase64 = "data_b64"
            case sha256 = "payload_sha256"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(dataBase64, forKey: .dataBase64)
            try c.encode(text, forKey: .text)
            try c.encode(sha256, forKey: .sha256)
        }
    }

    /// The measurement as reports show it: no module matrix (it encodes the payload), no corners (`polygon`).
    public struct Measurement: Sendable, Equatable, Codable {
        public struct Pitch: Sendable, Equatable, Codable {
            public let x: ReportNumber, y: ReportNumber, min: ReportNumber, max: ReportNumber
        }

        public struct Contrast: Sendable, Equatable, Codable {
            public let symbolContrast: ReportNumber
            public let nearThresholdFraction: ReportNumber

            enum CodingKeys: String, CodingKey {
                case symbolContrast = "symbol_contrast"
                case nearThresholdFraction = "near_threshold_fraction"
            }
        }

        public let version: Int
        public let versionSources: SymbolMeasurement.VersionSources
        public let ecLevel: ErrorCorrectionLevel?
        public let mask: Int?
        public let formatCopies: [SymbolMeasurement.FormatCopy?]
        public let formatCopiesAgree: SymbolMeasurement.FormatAgreement
        public let modulePx: Pitch
        public let square: ReportNumber
        public let rendering: SymbolMeasurement.Rendering
        public let quietZoneModules: SymbolMeasurement.QuietZone
        public let contrast: Contrast
        public let rotationDegrees: ReportNumber
        public let sizePx: ReportNumber

        init(_ m: SymbolMeasurement) {
            version = m.version
            versionSources = m.versionSources
            ecLevel = m.ecLevel
            mask = m.mask
            formatCopies = m.formatCopies
            formatCopiesAgree = m.formatCopiesAgree
            modulePx = Pitch(
                x: ReportNumber(m.modulePx.x), y: ReportNumber(m.modulePx.y), min: ReportNumber(m.modulePx.min),
                max: ReportNumber(m.modulePx.max))
            square = ReportNumber(m.square)
            rendering = m.rendering
            quietZoneModules = m.quietZoneModules
            contrast = Contrast(
                symbolContrast: ReportNumber(m.contrast.symbolContrast),
                nearThresholdFraction: ReportNumber(m.contrast.nearThresholdFraction))
            rotationDegrees = ReportNumber(m.rotationDegrees)
            sizePx = ReportNumber(m.sizePx)
        }

        enum CodingKeys: String, CodingKey {
            case version, mask, square, rendering, contrast
            case versionSources = "version_sources"
            case ecLevel = "ec_level"
            case formatCopies = "format_copies"
            case formatCopiesAgree = "format_copies_agree"
            case modulePx = "module_px"
            case quietZoneModules = "quiet_zone_modules"
            case rotationDegrees = "rotation_degrees"
            case sizePx = "size_px"
        }

        /// Every key, `null` for an unreadable EC level or mask.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(version, forKey: .version)
            try c.encode(versionSources, forKey: .versionSources)
            try c.encode(ecLevel, forKey: .ecLevel)
            try c.encode(mask, forKey: .mask)
            try c.encode(formatCopies, forKey: .formatCopies)
            try c.encode(formatCopiesAgree, forKey: .formatCopiesAgree)
            try c.encode(modulePx, forKey: .modulePx)
            try c.encode(square, forKey: .square)
            try c.encode(rendering, forKey: .rendering)
            try c.encode(quietZoneModules, forKey: .quietZoneModules)
            try c.encode(contrast, forKey: .contrast)
            try c.encode(rotationDegrees, forKey: .rotationDegrees)
            try c.encode(sizePx, forKey: .sizePx)
        }
    }

    /// The codeword reading as reports show it under `codewords`: no payload, and segments and UEC one level up.
    public struct Codewords: Sendable, Equatable, Codable {
        public let status: CodewordReading.Status
        public let version: Int
        public let ecLevel: ErrorCorrectionLevel
        public let mask: Int
        public let failingBlock: Int?
        public let problem: StreamProblem?
        public let blocks: [CodewordReading.Block]
        public let terminatorOk: Bool
        public let paddingOk: Bool
        public let trailingData: Int

        init(_ r: CodewordReading) {
            status = r.status
            version = r.version
            ecLevel = r.ecLevel
            mask = r.mask
            failingBlock = r.failingBlock
            problem = r.problem
            blocks = r.blocks
            terminatorOk = r.terminatorOk
            paddingOk = r.paddingOk
            trailingData = r.trailingData
        }

        enum CodingKeys: String, CodingKey {
            case status, version, mask, problem, blocks
            case ecLevel = "ec_level"
            case failingBlock = "failing_block"
            case terminatorOk = "terminator_ok"
            case paddingOk = "padding_ok"
            case trailingData = "trailing_data"
        }
    }

    public let symbology: String
    public let polarity: Polarity
    /// Outer corners TL, BL, BR, TR: refined by the measurement when it succeeded, else zbar's.
    public let polygon: [[ReportNumber]]
    public let zbarPolygon: [[ReportNumber]]
    public let payload: Payload?
    public let measurement: Measurement?
    /// Why the symbol could not be measured; nil when it was.
    public let measurementError: String?
    public let segments: [DataSegment]?
    public let uec: ReportNumber?
    public let decodersAgree: Bool?
    public let codewords: Codewords?
    /// The scannability ladder's margin (SYM-019); nil, and left out of the report, when the ladder did not run.
    public var scannability: ScannabilityMargin? = nil

    public init(_ symbol: InspectedSymbol, payload disclosure: PayloadDisclosure) {
        let scanned = symbol.scanned
        symbology = scanned.symbology
        polarity = scanned.polarity
        polygon = symbol.corners.map { [ReportNumber($0.x), ReportNumber($0.y)] }
        zbarPolygon = scanned.corners.map { [ReportNumber($0.x), ReportNumber($0.y)] }
        let digest = Hashing.sha256Hex(scanned.data)
        switch disclosure {
        case .omitted:
            payload = nil
        case .masked:
            // The bytes would show what the text masks; the one masking function handles every payload shape.
            payload = Payload(dataBase64: nil, text: PayloadMasking.maskedText(scanned.data), sha256: digest)
        case .revealed:
            payload = Payload(dataBase64: Data(scanned.data).base64EncodedString(), text: scanned.text, sha256: digest)
        }
        switch symbol.measurement {
        case .success(let m):
            measurement = Measurement(m)
            measurementError = nil
        case .failure(let failure):
            measurement = nil
            measurementError = failure.description
        }
        if let reading = symbol.codewords {
            segments = reading.segments
            uec = ReportNumber(reading.uec)
            decodersAgree = reading.agrees(with: scanned.data)
            codewords = Codewords(reading)
        } else {
            segments = nil
            uec = nil
            decodersAgree = nil
            codewords = nil
        }
    }

    /// The outer corners as points, dropping any that are not finite.
    public var corners: [Point] {
        polygon.compactMap { xy in
            guard xy.count == 2, let x = xy[0].value, let y = xy[1].value else { return nil }
            return Point(x: x, y: y)
        }
    }

    enum CodingKeys: String, CodingKey {
        case symbology, polarity, polygon, segments, uec, codewords
        case zbarPolygon = "zbar_polygon"
        case measurementError = "measurement_error"
        case decodersAgree = "decoders_agree"
        case scannability
    }

    /// One flat object: the payload's and the measurement's members sit beside zbar's, as reports have always shown.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        symbology = try c.decode(String.self, forKey: .symbology)
        polarity = try c.decode(Polarity.self, forKey: .polarity)
        polygon = try c.decode([[ReportNumber]].self, forKey: .polygon)
        zbarPolygon = try c.decode([[ReportNumber]].self, forKey: .zbarPolygon)
        let payloadKeys = try decoder.container(keyedBy: Payload.CodingKeys.self)
        payload = payloadKeys.contains(.sha256) ? try Payload(from: decoder) : nil
        let measurementKeys = try decoder.container(keyedBy: Measurement.CodingKeys.self)
        measurement = measurementKeys.contains(.version) ? try Measurement(from: decoder) : nil
        measurementError = try c.decodeIfPresent(String.self, forKey: .measurementError)
        segments = try c.decodeIfPresent([DataSegment].self, forKey: .segments)
        uec = try c.decodeIfPresent(ReportNumber.self, forKey: .uec)
        decodersAgree = try c.decodeIfPresent(Bool.self, forKey: .decodersAgree)
        codewords = try c.decodeIfPresent(Codewords.self, forKey: .codewords)
        scannability = try c.decodeIfPresent(ScannabilityMargin.self, forKey: .scannability)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(symbology, forKey: .symbology)
        try c.encode(polarity, forKey: .polarity)
        try c.encode(polygon, forKey: .polygon)
        try c.encode(zbarPolygon, forKey: .zbarPolygon)
        try payload?.encode(to: encoder)
        try measurement?.encode(to: encoder)
        try c.encode(measurementError, forKey: .measurementError)
        try c.encode(segments, forKey: .segments)
        try c.encode(uec, forKey: .uec)
        try c.encode(decodersAgree, forKey: .decodersAgree)
        try c.encode(codewords, forKey: .codewords)
        try c.encodeIfPresent(scannability, forKey: .scannability)
    }
}
