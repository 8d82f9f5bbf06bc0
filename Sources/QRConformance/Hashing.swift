import Crypto
import Foundation

/// SHA-256 as lowercase hex, for pinning the exact inputs (spec, images, payloads) a report was made from.
public enum Hashing {
    public static func sha256Hex(_ data: some DataProtocol) -> String {
        SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
