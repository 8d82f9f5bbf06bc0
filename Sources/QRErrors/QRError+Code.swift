extension QRError {
    /// A stable error code: its raw string is what reports print. Each domain declares its codes as static members in
    /// an extension, so a code is written once and compared as a value, never as loose text.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        public let rawValue: String

        public init(rawValue: String) { self.rawValue = rawValue }

        public init(_ rawValue: String) { self.rawValue = rawValue }

        public init(from decoder: any Decoder) throws {
            rawValue = try decoder.singleValueContainer().decode(String.self)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }

        public var description: String { rawValue }
    }
}

/// The codes every file-reading domain shares.
extension QRError.Code {
    /// The file cannot be read (missing, a folder, too large, ...).
    public static let unreadable = Self("unreadable")
    /// The file is not JSON, or JSON this harness refuses (duplicate keys, trailing commas, ...).
    public static let invalidJSON = Self("invalid-json")
    /// A `format` version this build does not know.
    public static let unsupportedFormatVersion = Self("unsupported-format-version")
    /// Well-formed, but a value breaks the file's rules.
    public static let invalid = Self("invalid")
    /// The work took longer than its time limit and was stopped.
    public static let timedOut = Self("timed-out")
}
