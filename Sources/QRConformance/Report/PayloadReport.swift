/// The parsed payload as shown in a report: personal data masked unless revealing was asked for.
public struct PayloadReport: Sendable, Equatable, Codable {
    /// EXT sub-fields by meaning.
    public struct Ext: Sendable, Equatable, Codable {
        public let onBehalfQID: String?
        public let gender: String?
        public let insuranceNumber: String?
        public let phone: String?
        public let signature: String?
        public let other: [String]

        private enum CodingKeys: String, CodingKey {
            case onBehalfQID = "on_behalf_qid"
            case gender
            case insuranceNumber = "insurance_number"
            case phone, signature, other
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(onBehalfQID, forKey: .onBehalfQID)
            try container.encode(gender, forKey: .gender)
            try container.encode(insuranceNumber, forKey: .insuranceNumber)
            try container.encode(phone, forKey: .phone)
            try container.encode(signature, forKey: .signature)
            try container.encode(other, forKey: .other)
        }
    }

    /// The six named fields; nil when the payload does not have exactly 6.
    public struct Fields: Sendable, Equatable, Codable {
        public let soGiayTo: String
        public let hoTen: String
        public let ngaySinh: String
        public let loaiDinhDanh: String
        public let qid: String
        public let ext: Ext

        private enum CodingKeys: String, CodingKey {
            case soGiayTo = "so_giay_to"
            case hoTen = "ho_ten"
            case ngaySinh = "ngay_sinh"
            case loaiDinhDanh = "loai_dinh_danh"
            case qid, ext
        }
    }

    public let byteLength: Int
    public let fieldCount: Int
    public let fields: Fields?
    /// Whether personal data is shown in full.
    public let revealed: Bool
    /// Lowercase hex SHA-256 of the exact payload bytes.
    public let payloadSHA256: String

    private enum CodingKeys: String, CodingKey {
        case byteLength = "byte_length"
        case fieldCount = "field_count"
        case fields, revealed
        case payloadSHA256 = "payload_sha256"
    }

    /// The report view of a parse; masks ID number, birth date, insurance number and phone unless `reveal`.
    public init(_ parse: PayloadParse, revealPersonalData reveal: Bool) {
        byteLength = parse.bytes.count
        fieldCount = parse.fields.count
        revealed = reveal
        payloadSHA256 = Hashing.sha256Hex(parse.bytes)
        guard let payload = parse.payload else {
            fields = nil
            return
        }
        // Every field goes through the one masking function, which also scrubs what a malformed payload moved in.
        func scrub(_ text: String) -> String { reveal ? text : PayloadMasking.mask(text) }
        func shown(_ field: PayloadField?, _ kind: PayloadMasking.Field = .other) -> String? {
            guard let field else { return nil }
            return reveal ? field.text : PayloadMasking.mask(field.text, as: kind)
        }
        let ext = Ext(
            onBehalfQID: shown(payload.onBehalfQID), gender: shown(payload.gender),
            insuranceNumber: shown(payload.insuranceNumber, .insuranceNumber),
            phone: shown(payload.phone, .phone), signature: shown(payload.signature),
            other: payload.otherExtFields.map { scrub($0.text) })
        fields = Fields(
            soGiayTo: shown(payload.soGiayTo, .idNumber) ?? "",
            hoTen: scrub(payload.hoTen.text),
            ngaySinh: shown(payload.ngaySinh, .birthDate) ?? "",
            loaiDinhDanh: scrub(payload.loaiDinhDanh.text), qid: scrub(payload.qid.text), ext: ext)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(byteLength, forKey: .byteLength)
        try container.encode(fieldCount, forKey: .fieldCount)
        try container.encode(fields, forKey: .fields)
        try container.encode(revealed, forKey: .revealed)
        try container.encode(payloadSHA256, forKey: .payloadSHA256)
    }
}
