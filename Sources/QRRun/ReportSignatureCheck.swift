import QRHarness
import QRConformance
import QRErrors
import QRSymbol

/// `verify-report`: reads a report.json, its detached JWS and the centre's report-signing keys, and checks the
/// signature over the report's exact bytes.
public enum ReportSignatureCheck {
    /// The report's bytes (for a reproduction) and whether the signature holds; a file that cannot be read or
    /// parsed throws naming it.
    public static func verify(report: String, signature: String, keys: String) throws
        -> (reportBytes: [UInt8], outcome: ReportVerifier.Outcome)
    {
        let reportBytes = try read(report, what: "report")
        let keyList = try ReportSigningKeys.parse(data: try read(keys, what: "key list"), path: keys)
        let jws = try DetachedJWS.parse(try read(signature, what: "signature"), path: signature)
        return (reportBytes, ReportVerifier.verify(report: reportBytes, jws: jws, keys: keyList))
    }

    private static func read(_ path: String, what: String) throws(QRError) -> [UInt8] {
        do {
            return try InputFile.read(path: path)
        } catch {
            throw QRError(.reportSigning, code: .unreadable, file: path, cause: "cannot read the \(what): \(error)")
        }
    }
}
