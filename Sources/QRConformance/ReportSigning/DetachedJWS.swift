import Foundation

/// A JWS (RFC 7515) in compact serialization with a detached payload (Appendix F): `HEADER..SIGNATURE`.
///
/// The payload is the exact bytes of `report.json`; the signing input is `BASE64URL(header) '.'
/// BASE64URL(payload)`, as for an attached JWS, so any JOSE library verifies it once the payload is put back.
/// The protected header is `{"alg":"ES256","kid":"<RFC 7638 thumbprint>"}`.
///
/// ```swift
/// let compact = DetachedJWS.sign(reportBytes, with: key)       // "eyJhbGciOi…..MEUCIQ…"
/// let jws = try DetachedJWS.parse(Array(compact.utf8), path: "report.json.jws")
/// ```
public struct DetachedJWS: Sendable, Equatable {
    public let algorithm: String
    public let kid: String
    /// The protected header exactly as it was encoded (base64url), part of the signing input.
    public let encodedHeader: String
    public let signature: [UInt8]

    /// The compact form of a detached ES256 signature over `payload`.
    public static func sign(_ payload: [UInt8], with key: ReportSigningKey) -> String {
        let header = Base64URL.encode(Array(#"{"alg":"ES256","kid":"\#(key.kid)"}"#.utf8))
        let signature = key.sign(signingInput(header: header, payload: payload))
        return header + ".." + Base64URL.encode(signature)
    }

    /// The bytes ES256 signs: `header '.' BASE64URL(payload)`.
    static func signingInput(header: String, payload: [UInt8]) -> [UInt8] {
        Array((header + "." + Base64URL.encode(payload)).utf8)
    }

    /// Reads a detached compact JWS (a trailing newline is allowed); a malformed one is refused naming why.
    public static func parse(_ bytes: [UInt8], path: String) throws(ReportSigningError) -> DetachedJWS {
        func refuse(_ cause: String) -> ReportSigningError {
            ReportSigningError.reportSigning(
                code: .malformedSignature, path: path, cause: "not a detached JWS: \(cause)")
        }
        var text = bytes
        if text.last == 0x0A { text.removeLast() }
        let parts = text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw refuse("\(parts.count) dot-separated parts, not 3") }
        guard parts[1].isEmpty else { throw refuse("the payload part is not empty (the payload is report.json)") }
        let headerBytes: [UInt8]
        let signature: [UInt8]
        do {
            headerBytes = try Base64URL.decode(Array(parts[0]))
            signature = try Base64URL.decode(Array(parts[2]))
        } catch { throw refuse("a part is not base64url: \(error)") }
        let header: JSONValue
        do { header = try StrictJSON.parse(headerBytes) } catch { throw refuse("the header is not JSON: \(error)") }
        guard let members = header.objectValue, let alg = members["alg"]?.stringValue,
            let kid = members["kid"]?.stringValue
        else { throw refuse("the header has no \"alg\" or \"kid\" string") }
        if let crit = members["crit"] { throw refuse("the header has \"crit\" (\(crit.typeName)); none is understood") }
        return DetachedJWS(
            algorithm: alg, kid: kid, encodedHeader: String(decoding: parts[0], as: UTF8.self), signature: signature)
    }
}
