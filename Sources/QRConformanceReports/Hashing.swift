import Crypto

/// SHA-256 as lowercase hex, for pinning the exact inputs a report was made from.
public enum Hashing {
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
