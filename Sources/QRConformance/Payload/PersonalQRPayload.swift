/// A personal QR payload `SoGiayTo|HoTen|NgaySinh|LoaiDinhDanh|QID|EXT`, with EXT split on `<`.
///
/// ```swift
/// let parse = PersonalQRPayload.parse(bytes: Array("001093029317|NGUYEN LE KHA HAN|...".utf8))
/// parse.payload?.phone?.text   // "0944713700"
/// ```
public struct PersonalQRPayload: Sendable, Equatable {
    /// EXT positions named by the guidance.
    public enum ExtPosition: Int, Sendable, CaseIterable {
        case onBehalfQID = 0
        case gender, insuranceNumber, phone, signature

        /// The name used in messages, e.g. `EXT[3] (phone)`.
        public var label: String {
            switch self {
            case .onBehalfQID: "EXT[0] (on-behalf QID)"
            case .gender: "EXT[1] (gender)"
            case .insuranceNumber: "EXT[2] (insurance number)"
            case .phone: "EXT[3] (phone)"
            case .signature: "EXT[4] (signature)"
            }
        }
    }

    public let soGiayTo: PayloadField
    public let hoTen: PayloadField
    public let ngaySinh: PayloadField
    public let loaiDinhDanh: PayloadField
    public let qid: PayloadField
    public let ext: PayloadField
    /// EXT split on `<`, empty sub-fields kept; an empty EXT gives one empty sub-field.
    public let extFields: [PayloadField]

    /// Parses any bytes; never traps. Malformed input is judged by the payload rules.
    public static func parse(bytes: [UInt8]) -> PayloadParse {
        PayloadParse(bytes: bytes)
    }

    init?(bytes: [UInt8], fields: [PayloadField]) {
        guard fields.count == PayloadParse.expectedFieldCount else { return nil }
        soGiayTo = fields[0]
        hoTen = fields[1]
        ngaySinh = fields[2]
        loaiDinhDanh = fields[3]
        qid = fields[4]
        ext = fields[5]
        extFields = PayloadField.split(bytes, range: fields[5].range, on: 0x3C)
    }

    /// The EXT sub-field at a position, or nil when EXT is shorter.
    public func ext(_ position: ExtPosition) -> PayloadField? {
        position.rawValue < extFields.count ? extFields[position.rawValue] : nil
    }

    public var onBehalfQID: PayloadField? { ext(.onBehalfQID) }
    public var gender: PayloadField? { ext(.gender) }
    public var insuranceNumber: PayloadField? { ext(.insuranceNumber) }
    public var phone: PayloadField? { ext(.phone) }
    public var signature: PayloadField? { ext(.signature) }
    /// EXT positions 5 and later, kept for forward compatibility.
    public var otherExtFields: [PayloadField] { Array(extFields.dropFirst(5)) }

    /// The bytes a signature in EXT[4] covers: from the start up to, not including, the `<` that opens position 4.
    public var signedRange: Range<Int>? {
        guard let signature else { return nil }
        return 0..<(signature.range.lowerBound - 1)
    }
}
