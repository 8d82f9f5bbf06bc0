import Foundation
import QRConformance
import QRSymbol

/// The JSON document `qrconform decode` prints: one entry per input image, in input order.
public struct DecodeReport: Encodable, Sendable {
    public static let formatVersion = "qrconform-decode/1"

    public var images: [Entry]
    /// Whether personal fields of 1405 payloads are shown in full (`--reveal-personal-data`).
    public var revealPersonalData: Bool

    public init(images: [Entry], revealPersonalData: Bool = false) {
        self.images = images
        self.revealPersonalData = revealPersonalData
    }

    /// One input image: what was read from it, or why it could not be read.
    public struct Entry: Encodable, Sendable {
        public var file: String
        public var sha256: String?
        public var inspected: InspectedImage?
        public var error: ImageError?
        var maskPersonalData = false

        func masking(_ mask: Bool) -> Entry {
            var copy = self
            copy.maskPersonalData = mask
            return copy
        }

        /// `sha256`: the digest of the file's bytes, nil when they could not be read.
        public init(file: String, sha256: String?, inspected: InspectedImage?, error: ImageError?) {
            self.file = file
            self.sha256 = sha256
            self.inspected = inspected
            self.error = error
        }

        enum CodingKeys: String, CodingKey {
            case file, sha256, width, height, ppi, symbols, error
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(file, forKey: .file)
            try c.encode(sha256, forKey: .sha256)
            try c.encode(inspected?.width, forKey: .width)
            try c.encode(inspected?.height, forKey: .height)
            try c.encode(inspected?.pixelsPerInch.map(Rounding.twoDecimals), forKey: .ppi)
            try c.encode(
                (inspected?.symbols ?? []).map { SymbolReport($0, payload: maskPersonalData ? .masked : .revealed) },
                forKey: .symbols)
            try c.encode(error, forKey: .error)
        }
    }

    enum CodingKeys: String, CodingKey {
        case format, images
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.formatVersion, forKey: .format)
        try c.encode(images.map { $0.masking(!revealPersonalData) }, forKey: .images)
    }

    /// Sorted keys, stable number formatting, trailing newline.
    public func jsonBytes() throws -> [UInt8] {
        try StableJSON.encode(self)
    }
}
