import Foundation
import QRConformance
import QRSymbol

/// Reads a trust list (JWKS) file; an unreadable or invalid file is a `TrustListError` naming it.
public enum TrustListFile {
    public static func load(path: String) throws(TrustListError) -> (
        trustList: TrustList, sha256: String, bytes: [UInt8]
    ) {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path: path)
        } catch {
            throw TrustListError.trustList(code: .unreadable, path: path, cause: "cannot read the file: \(error)")
        }
        return (try TrustList.parse(data: bytes, path: path), Hashing.sha256Hex(bytes), bytes)
    }
}
