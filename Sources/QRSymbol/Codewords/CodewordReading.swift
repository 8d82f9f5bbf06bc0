/// Everything read from a symbol's codewords: block health, UEC, segments, stream hygiene and payload.
///
/// `payload` is present only when every block decoded and the bit stream parsed; an uncorrectable or
/// malformed symbol never reports data. Encodes to JSON with snake_case keys.
public struct CodewordReading: Sendable, Equatable, Codable {
    /// Overall result.
    public enum Status: String, Sendable, Equatable, Codable {
        /// Every block decoded and the bit stream parsed.
        case ok
        /// A Reed–Solomon block had more errors than it may correct (see `failingBlock`).
        case uncorrectable
        /// The blocks decoded but the bit stream could not be parsed, or the mask was invalid (see `problem`).
        case malformed
    }

    /// One Reed–Solomon block.
    public struct Block: Sendable, Equatable, Codable {
        public var dataCodewords: Int
        public var ecCodewords: Int
        /// Codewords corrected; nil when the block was uncorrectable.
        public var corrected: Int?

        public init(dataCodewords: Int, ecCodewords: Int, corrected: Int?) {
            self.dataCodewords = dataCodewords
            self.ecCodewords = ecCodewords
            self.corrected = corrected
        }

        enum CodingKeys: String, CodingKey {
            case dataCodewords = "data_codewords"
            case ecCodewords = "ec_codewords"
            case corrected
        }
    }

    public var status: Status
    public var version: Int
    public var ecLevel: ErrorCorrectionLevel
    public var mask: Int
    /// Index of the first uncorrectable block.
    public var failingBlock: Int?
    /// Why a symbol with sound blocks is malformed.
    public var problem: StreamProblem?
    /// Blocks in ISO/IEC 18004 order; empty when the mask was invalid.
    public var blocks: [Block]
    /// Unused error correction, ISO/IEC 15415: min over blocks of 1 − 2·errors / (EC codewords − p); 0 when
    /// a block failed.
    public var uec: Double
    /// Segments in stream order (those before the problem, when malformed; none when uncorrectable).
    public var segments: [DataSegment]
    /// A terminator (0000, or all-zero when fewer than 4 bits were left, or none needed) ended the data.
    public var terminatorOk: Bool
    /// Fill bits are zero and pad codewords alternate 0xEC, 0x11 starting with 0xEC.
    public var paddingOk: Bool
    /// Bytes after the terminator that are not padding: the byte holding non-zero fill or abbreviated
    /// terminator bits counts one, and so does each pad position holding neither 0xEC nor 0x11.
    public var trailingData: Int
    /// The segments' characters concatenated: byte mode raw, numeric and alphanumeric as ASCII, Kanji as
    /// Shift JIS; nil unless `status` is `.ok`.
    public var payload: [UInt8]?

    public init(
        status: Status, version: Int, ecLevel: ErrorCorrectionLevel, mask: Int, failingBlock: Int?,
        problem: StreamProblem?, blocks: [Block], uec: Double, segments: [DataSegment], terminatorOk: Bool,
        paddingOk: Bool, trailingData: Int, payload: [UInt8]?
    ) {
        self.status = status
        self.version = version
        self.ecLevel = ecLevel
        self.mask = mask
        self.failingBlock = failingBlock
        self.problem = problem
        self.blocks = blocks
        self.uec = uec
        self.segments = segments
        self.terminatorOk = terminatorOk
        self.paddingOk = paddingOk
        self.trailingData = trailingData
        self.payload = payload
    }

    /// Codewords corrected over all blocks.
    public var correctedCodewords: Int { blocks.reduce(0) { $0 + ($1.corrected ?? 0) } }

    enum CodingKeys: String, CodingKey {
        case status, version, mask, problem, blocks, uec, segments, payload
        case ecLevel = "ec_level"
        case failingBlock = "failing_block"
        case terminatorOk = "terminator_ok"
        case paddingOk = "padding_ok"
        case trailingData = "trailing_data"
    }
}
