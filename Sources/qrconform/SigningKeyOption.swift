import ArgumentParser
import QRConformance
import QRSymbol

/// Loads `--signing-key KEY.jwk`; a file that is not an EC P-256 private JWK stops the run with exit 2.
enum SigningKeyOption {
    static func load(_ path: String?) throws -> ReportSigningKey? {
        guard let path else { return nil }
        let bytes: [UInt8]
        do { bytes = try InputFile.read(path: path) } catch {
            throw ReportSigningError.reportSigning(
                code: .unreadable, path: path, cause: "cannot read the signing key: \(error)")
        }
        return try ReportSigningKey.parse(data: bytes, path: path)
    }
}
