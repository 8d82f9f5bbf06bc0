import QRConformance
import QRImaging
import QRSymbol

/// An image through the first stages of the pipeline: its bytes and their digest, the decoded pixels, and the
/// symbols found and measured in them. What every later stage (text, camera, rules, crops) starts from.
public struct PreparedImage: Sendable {
    public let name: String
    public let bytes: [UInt8]
    public let sha256: String
    public let image: GrayImage
    public let inspected: InspectedImage
}

/// An image that could not be prepared: the error row's code and message, and the digest when the bytes were read.
public struct ImagePreparationFailure: Error, Sendable, CustomStringConvertible {
    public let error: ImageError
    public let bytes: [UInt8]?

    public var sha256: String? { bytes.map(Hashing.sha256Hex) }

    public var description: String { error.message }
}
