import Crypto
import Foundation

/// SHA-256 as lowercase hex, for pinning the exact inputs (spec, images, payloads) a report was made from.
public enum Hashing {
    public static func sha256Hex(_ data: some DataProtocol) -> String {
        hex(SHA256.hash(data: data))
    }

    /// Bytes as lowercase hex: a digest computed elsewhere (a streamed upload's), written as `sha256Hex` writes one.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
